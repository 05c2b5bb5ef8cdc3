import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { runAfterWalk } from '../jobs/after-walk.js';
import { excludeTest } from '../jobs/exclude-patterns.js';
import { runInventory } from '../jobs/inventory.js';
import { picasaContacts } from '../jobs/picasa-settings.js';
import { RunReport } from '../jobs/report.js';
import { checkRootFolder, listRoots, RootError, rememberRoots } from '../jobs/roots.js';
import { digestRuns, selectRuns } from '../jobs/run-digest.js';
import { beginRun, finishRun, RunLockedError } from '../jobs/run-lock.js';
import { describeStorageError, failureMessage, isStorageError } from '../jobs/storage-errors.js';
import { progressReporter } from '../progress.js';
import { CliError, EXIT_INTERRUPTED, EXIT_LOCKED, openForCommand } from './cli-error.js';
import { formatSummary } from './index-summary.js';
import { notify } from './report-command.js';

interface IndexOptions {
  db: string;
  json?: boolean;
  faces: boolean;
  picasaContacts?: string;
  notifyCommand?: string;
}

const examples = `
Examples:
  $ kindred index ~/Pictures                 index a folder (remembered for later runs)
  $ kindred index /mnt/photos /mnt/scans     several roots at once
  $ kindred index                            re-index every remembered root (what a nightly job runs)
  $ kindred index --json | jq .files         machine-readable report on stdout
  $ kindred index --db /srv/kindred.db ~/Pictures
`;

export function indexCommand(env: IndexerEnv): Command {
  return new Command('index')
    .description(
      'Record every file under the roots by content (SHA-256), find faces in new photos, import Picasa tags, name and group faces.',
    )
    .argument('[roots...]', 'folders to index; they are remembered. None: the remembered roots')
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--json', 'print exactly one JSON report on stdout (progress stays on stderr)')
    .option('--no-faces', 'record files only: no face detection, no recognition')
    .option(
      '--notify-command <command>',
      'after the run, run this shell command with the run report (kindred report --json) on stdin',
      env.notifyCommand,
    )
    .option(
      '--picasa-contacts <path>',
      "Picasa's machine-wide contacts.xml, the better source of names (remembered for later runs)",
    )
    .addHelpText('after', examples)
    .action(async (given: string[], options: IndexOptions) => {
      process.exitCode = await runIndex(env, given, options);
    });
}

async function runIndex(env: IndexerEnv, given: string[], options: IndexOptions): Promise<number> {
  let folders: string[];
  try {
    folders = given.map(checkRootFolder);
  } catch (error) {
    if (error instanceof RootError) throw new CliError(error.message);
    throw error;
  }
  const db = openForCommand(options.db);
  if (env.testMaxDbPages) db.$client.pragma(`max_page_count = ${env.testMaxDbPages}`);
  try {
    // With no folder given: the remembered roots, plus the config file's roots (remembered from now on).
    if (folders.length === 0 && env.roots.length > 0) rememberRoots(db, env.roots);
    const roots = folders.length > 0 ? rememberRoots(db, folders) : listRoots(db);
    if (roots.length === 0) {
      throw new CliError(
        'no roots to index: give a folder, e.g. "kindred index ~/Pictures" (it is remembered)',
      );
    }
    let runId: number;
    try {
      ({ runId } = beginRun(db));
    } catch (error) {
      if (error instanceof RunLockedError) throw new CliError(error.message, EXIT_LOCKED);
      if (isStorageError(error))
        throw new CliError(`cannot start a run: ${describeStorageError(error, options.db)}`);
      throw new CliError(`cannot start a run in ${options.db}: ${(error as Error).message}`);
    }
    const report = new RunReport();
    const progress = progressReporter({ tty: Boolean(process.stderr.isTTY), plain: env.plainOutput });
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let completed = false;
    // The vision and recognition modules load only when faces are on: `--no-faces` starts fast.
    const faces = options.faces
      ? (await import('../jobs/steps.js')).facesRunner(env, (state) => progress.faces(state))
      : undefined;
    const stepContext = { db, runId, error: (path: string, message: string) => report.error(path, message) };
    try {
      completed = await runInventory({
        db,
        runId,
        roots,
        databasePath: options.db,
        hashWorkers: env.hashWorkers,
        batchFiles: env.batchFiles,
        batchMs: env.batchMs,
        steps: faces ? [faces.step] : [],
        report,
        onProgress: (state) => progress.update(state),
        signal: stop.signal,
        exclude: excludeTest(env.exclude),
      });
      if (completed) {
        await runAfterWalk({
          context: stepContext,
          report,
          faces,
          contacts: picasaContacts(db, options.picasaContacts),
          recognize: options.faces,
        });
      }
    } catch (error) {
      progress.stop();
      const message = failureMessage(error, options.db);
      try {
        finishRun(db, runId, 'failed', { ...report.toJSON(), failure: message });
      } catch {
        // The disk is still full: the run stays 'running' with a dead pid; the next run marks it interrupted.
      }
      throw new CliError(`index run failed: ${message}`);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await faces?.close();
    }
    progress.stop();
    const json = report.toJSON();
    finishRun(db, runId, completed ? 'completed' : 'interrupted', json);
    if (options.json) process.stdout.write(`${JSON.stringify(json)}\n`);
    else process.stdout.write(formatSummary(json, report, completed));
    if (options.notifyCommand)
      await notify(options.notifyCommand, digestRuns(db, selectRuns(db, completed ? 'last' : runId)));
    return completed ? 0 : EXIT_INTERRUPTED;
  } finally {
    db.$client.close();
  }
}
