import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { openForCommand } from './cli-error.js';

interface DuplicateGroup {
  hash: string;
  size: number;
  kind: string;
  paths: string[];
}

export function duplicatesCommand(env: IndexerEnv): Command {
  return new Command('duplicates')
    .description('List contents present at more than one path (largest waste first).')
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--json', 'print one JSON array of {hash, size, kind, paths} on stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  $ kindred duplicates\n  $ kindred duplicates --json | jq -r ".[].paths[1:][]"   # every copy but the first\n',
    )
    .action((options: { db: string; json?: boolean }) => {
      const db = openForCommand(options.db, { readonly: true });
      const rows = db.$client
        .prepare(
          `SELECT c.hash, c.size, c.kind, json_group_array(f.path) AS paths FROM files f
           JOIN contents c ON c.hash = f.content_hash WHERE f.status = 'present'
           GROUP BY c.hash HAVING COUNT(*) > 1 ORDER BY c.size * (COUNT(*) - 1) DESC, c.hash`,
        )
        .all() as { hash: string; size: number; kind: string; paths: string }[];
      db.$client.close();
      const groups: DuplicateGroup[] = rows.map((row) => ({
        ...row,
        paths: (JSON.parse(row.paths) as string[]).sort(),
      }));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(groups)}\n`);
        return;
      }
      if (groups.length === 0) {
        process.stdout.write('No duplicates: every content is at one path.\n');
        return;
      }
      const lines: string[] = [];
      for (const group of groups) {
        lines.push(`${group.hash.slice(0, 12)}  ${group.kind}  ${group.size} bytes × ${group.paths.length}`);
        for (const path of group.paths) lines.push(`  ${path}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
