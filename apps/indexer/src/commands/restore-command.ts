import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { BackupError } from '../jobs/backup.js';
import { restoreDatabase } from '../jobs/restore.js';
import { RunLockedError } from '../jobs/run-lock.js';
import { CliError, EXIT_LOCKED } from './cli-error.js';

export function restoreCommand(env: IndexerEnv): Command {
  return new Command('restore')
    .description(
      'Put a backup back in place of the database, after checking it; the current database is kept aside.',
    )
    .argument('<file>', 'a backup made by "kindred backup" (or any copy of a Kindred database)')
    .option('--db <path>', 'database file to restore into (env KINDRED_DB)', env.databasePath)
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
The backup must pass PRAGMA integrity_check, be a Kindred database and not come from a newer Kindred;
migrations it lacks are applied. The restore refuses (exit 3) while "kindred index" runs. The database as
it was is copied to <db>.before-restore-<time>.db first. A running gallery sees the restored data.

Examples:
  $ kindred restore ~/.local/share/kindred/backups/kindred-2024-06-01T02-30-00-000Z.db
  $ kindred restore /mnt/usb/kindred/kindred-2024-06-01T02-30-00-000Z.db --db /srv/kindred.db
`,
    )
    .action(async (file: string, options: { db: string; json?: boolean }) => {
      try {
        const result = await restoreDatabase(file, options.db);
        if (options.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
        const { counts } = result.check;
        const applied = result.applied.length;
        process.stdout.write(
          `Restored ${file} into ${options.db} (integrity ok; ${counts.files} files, ${counts.photos} photos, ` +
            `${counts.faces} faces, ${counts.people} people${applied ? `; applied ${applied} migration(s)` : ''}).\n` +
            (result.previous ? `The database as it was is kept at ${result.previous}.\n` : ''),
        );
      } catch (error) {
        if (error instanceof RunLockedError) throw new CliError(error.message, EXIT_LOCKED);
        if (error instanceof BackupError) throw new CliError(`restore refused: ${error.message}`);
        throw error;
      }
    });
}
