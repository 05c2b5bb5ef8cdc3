#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { apiCommand } from './commands/api-command.js';
import { backupCommand } from './commands/backup-command.js';
import { CliError } from './commands/cli-error.js';
import { configCommand } from './commands/config-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { duplicatesCommand } from './commands/duplicates-command.js';
import { exportCommand } from './commands/export-command.js';
import { indexCommand } from './commands/index-command.js';
import { learnCommand } from './commands/learn.js';
import { recognizeCommand } from './commands/recognize.js';
import { reportCommand } from './commands/report-command.js';
import { restoreCommand } from './commands/restore-command.js';
import { scheduleCommand } from './commands/schedule-command.js';
import { statusCommand } from './commands/status-command.js';
import { tokenCommand } from './commands/token-command.js';
import { userCommand } from './commands/user-command.js';
import { xmpCommand } from './commands/xmp-command.js';
import { EnvError, readEnv } from './env.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

async function main(): Promise<void> {
  const env = readEnv();
  const program = new Command('kindred')
    .version(version)
    .description('Kindred: your family photo library. Indexes photo folders into one SQLite database.')
    .addHelpText(
      'after',
      `
Examples:
  $ kindred index ~/Pictures       first index (the folder is remembered)
  $ kindred index                  re-index remembered folders (nightly)
  $ kindred status                 roots, counts, last runs
  $ kindred duplicates             contents stored at several paths
  $ kindred export --out all.json  everything Kindred knows, as one JSON document
  $ kindred doctor                 face backend, database integrity, missing files, cache size
  $ kindred report                 what the last run found (new, moved, removed, named, failed)
  $ kindred schedule install       run nightly (systemd user timer, or a crontab line)
  $ kindred backup                 online backup of the database, rotated
  $ kindred config                 effective settings and where each came from
  $ kindred xmp export             write confirmed faces as XMP face regions (sidecars)
  $ kindred user add --owner --email you@example.org --name You   the first gallery account

Database: --db PATH, else $KINDRED_DB, else the config file's db, else $XDG_DATA_HOME/kindred/kindred.db
(now: ${env.databasePath}). Config file: ${env.configPath}`,
    )
    .addCommand(indexCommand(env))
    .addCommand(statusCommand(env))
    .addCommand(duplicatesCommand(env))
    .addCommand(recognizeCommand(env))
    .addCommand(learnCommand(env))
    .addCommand(exportCommand(env))
    .addCommand(apiCommand(env))
    .addCommand(doctorCommand(env))
    .addCommand(reportCommand(env))
    .addCommand(scheduleCommand(env))
    .addCommand(backupCommand(env))
    .addCommand(restoreCommand(env))
    .addCommand(configCommand(env))
    .addCommand(userCommand(env))
    .addCommand(tokenCommand(env))
    .addCommand(xmpCommand(env));
  await program.parseAsync(process.argv);
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError) return;
  if (error instanceof CliError || error instanceof EnvError) {
    process.stderr.write(`kindred: ${error.message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
    return;
  }
  process.stderr.write(`kindred: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
