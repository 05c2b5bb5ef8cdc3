import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { BackupError, backupDatabase } from '../jobs/backup.js';
import { CliError } from './cli-error.js';

interface BackupOptions {
  db: string;
  to?: string;
  keep: string;
  json?: boolean;
}

export function backupCommand(env: IndexerEnv): Command {
  return new Command('backup')
    .description(
      'Copy the database with SQLite online backup (the gallery and an index run can go on), verify it, rotate.',
    )
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--to <dir>', 'backups folder (config backup.dir; default: backups/ beside the database)')
    .option(
      '--keep <n>',
      'keep the newest N backups in that folder (config backup.keep)',
      String(env.backupKeep),
    )
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Each backup is one self-contained SQLite file, kindred-<UTC time>.db, checked with PRAGMA integrity_check
before it counts. Only files named like that are rotated. Restore with "kindred restore FILE".

Examples:
  $ kindred backup
  $ kindred backup --to /mnt/usb/kindred --keep 30
  $ kindred backup --json | jq -r .path
`,
    )
    .action(async (options: BackupOptions) => {
      const keep = Number(options.keep);
      if (!Number.isInteger(keep) || keep < 1)
        throw new CliError(`--keep: not a whole number ≥ 1: ${options.keep}`);
      if (!existsSync(options.db))
        throw new CliError(`no Kindred database at ${options.db}; nothing to back up`);
      const dir = resolve(options.to ?? env.backupDir ?? join(dirname(options.db), 'backups'));
      try {
        mkdirSync(dir, { recursive: true });
        const result = await backupDatabase(options.db, dir, keep);
        if (options.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
        const { counts } = result.check;
        process.stdout.write(
          `Backed up ${options.db} to ${result.path} (${(result.bytes / 1024 ** 2).toFixed(1)} MB; integrity ok; ` +
            `${counts.files} files, ${counts.photos} photos, ${counts.faces} faces, ${counts.people} people).\n` +
            (result.removed.length > 0
              ? `Removed ${result.removed.length} older backup(s), keeping ${keep}.\n`
              : ''),
        );
      } catch (error) {
        if (error instanceof BackupError) throw new CliError(error.message);
        throw new CliError(`backup to ${dir} failed: ${(error as Error).message}`);
      }
    });
}
