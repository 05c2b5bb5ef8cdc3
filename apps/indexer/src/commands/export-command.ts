import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { writeExport, writeExportFile } from '../jobs/export.js';
import { CliError, openForCommand } from './cli-error.js';

export function exportCommand(env: IndexerEnv): Command {
  return new Command('export')
    .description('Write everything Kindred knows (photos, faces, people, albums) as one JSON document.')
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--out <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      `
The format is versioned and documented in docs/export.md.

Examples:
  $ kindred export --out kindred-export.json
  $ kindred export | jq '.people[] | select(.name != null) | .name'
`,
    )
    .action(async (options: { db: string; out?: string }) => {
      const db = openForCommand(options.db, { readonly: true });
      try {
        if (options.out) {
          const { photos } = await writeExportFile(db, options.out);
          process.stderr.write(`kindred: exported ${photos} photos to ${options.out}\n`);
        } else {
          await writeExport(db, process.stdout);
        }
      } catch (error) {
        throw new CliError(`export failed: ${(error as Error).message}`);
      } finally {
        db.$client.close();
      }
    });
}
