import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { runNotifyCommand } from '../jobs/notify.js';
import { DigestError, digestRuns, type RunDigest, selectRuns } from '../jobs/run-digest.js';
import { CliError, openForCommand } from './cli-error.js';

const SHOWN = 20;

function list<T>(lines: string[], title: string, items: T[], line: (item: T) => string): void {
  lines.push(`${title}: ${items.length}`);
  for (const item of items.slice(0, SHOWN)) lines.push(`  ${line(item)}`);
  if (items.length > SHOWN) lines.push(`  … and ${items.length - SHOWN} more (--json lists all)`);
}

/** The digest for people: counts, the first paths of each list, and what the family can help with. */
export function formatDigest(digest: RunDigest): string {
  if (digest.runs.length === 0) return 'No index runs in that period.\n';
  const first = digest.runs[0];
  const last = digest.runs.at(-1);
  const unfinished = digest.runs.filter((run) => run.status !== 'completed').length;
  const lines = [
    `Kindred report: ${digest.runs.length} run${digest.runs.length === 1 ? '' : 's'} (#${first?.id}${
      last && last !== first ? `–#${last.id}` : ''
    }), ${digest.from} to ${digest.to}${unfinished ? `; ${unfinished} not completed` : ''}`,
  ];
  list(lines, 'New photos', digest.photos.new, (path) => path);
  list(lines, 'Moved', digest.photos.moved, (move) => `${move.from} → ${move.to}`);
  list(lines, 'Removed', digest.photos.removed, (path) => path);
  list(
    lines,
    'New faces with a name',
    digest.named,
    (p) => `${p.person}: ${p.confirmed} confirmed, ${p.suggested} suggested (check them in the gallery)`,
  );
  if (digest.edits > 0) lines.push(`Changes made by people: ${digest.edits}`);
  const waiting = digest.unknownGroups.reduce((sum, group) => sum + group.faces, 0);
  lines.push(
    `New unknown groups: ${digest.unknownGroups.length}${waiting ? ` (${waiting} faces; who are they? name them in the gallery)` : ''}`,
  );
  list(lines, 'Failed', digest.failed, (f) => `${f.path}: ${f.error}`);
  return `${lines.join('\n')}\n`;
}

/** Sends a digest to the notify hook; a failing hook is a warning on stderr (false), never an exception. */
export async function notify(command: string, digest: RunDigest): Promise<boolean> {
  const result = await runNotifyCommand(command, digest);
  if (!result.ok) process.stderr.write(`kindred: warning: notify command failed: ${result.problem}\n`);
  return result.ok;
}

export function reportCommand(env: IndexerEnv): Command {
  return new Command('report')
    .description(
      'What the last run (or the runs since a date) found: new, moved and removed photos, faces named, new unknown groups, failures.',
    )
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option(
      '--since <when>',
      '"last" (the last run, with the interrupted runs just before it) or a date',
      'last',
    )
    .option('--json', 'print one JSON object on stdout')
    .option(
      '--notify-command <command>',
      'also run this shell command with the report JSON on stdin (config notifyCommand)',
    )
    .addHelpText(
      'after',
      `
A date is YYYY-MM-DD (local midnight) or an ISO time. The same JSON is what "kindred index
--notify-command" sends after each run.

Examples:
  $ kindred report
  $ kindred report --since 2024-06-01 --json | jq '.photos.new | length'
  $ kindred report --notify-command 'mail -s "Kindred this week" family@example.org'
`,
    )
    .action(async (options: { db: string; since: string; json?: boolean; notifyCommand?: string }) => {
      const db = openForCommand(options.db, { readonly: true });
      let digest: RunDigest;
      try {
        digest = digestRuns(db, selectRuns(db, options.since));
      } catch (error) {
        if (error instanceof DigestError) throw new CliError(error.message);
        throw error;
      } finally {
        db.$client.close();
      }
      process.stdout.write(options.json ? `${JSON.stringify(digest)}\n` : formatDigest(digest));
      if (options.notifyCommand && !(await notify(options.notifyCommand, digest)))
        throw new CliError('the report was printed but the notify command failed');
    });
}
