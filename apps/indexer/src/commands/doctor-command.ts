import { existsSync } from 'node:fs';
import { openSqliteFile } from '@kindred/db';
import { Command } from 'commander';
import { exportVisionBackend, type IndexerEnv } from '../env.js';
import { checkDatabase, type DatabaseHealth, needsAttention } from '../jobs/doctor-checks.js';
import { CliError } from './cli-error.js';

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

function formatHealth(path: string, health: DatabaseHealth): string {
  const lines = [`Database: ${path}`];
  lines.push(`  integrity: ${health.integrity.join('; ')}`);
  lines.push(`  foreign key violations: ${health.foreignKeyViolations}`);
  for (const orphan of health.orphans)
    if (orphan.count > 0)
      lines.push(`  ${orphan.count} ${orphan.meaning}${orphan.serious ? ' — needs attention' : ''}`);
  const { missingFiles: missing, sizes } = health;
  lines.push(`  files missing from disk: ${missing.count} of ${missing.checked} present files`);
  for (const path of missing.examples) lines.push(`    ${path}`);
  if (missing.count > 0)
    lines.push('    (an unplugged drive, or deleted since the last run: "kindred index" records them)');
  lines.push(`  size: ${mb(sizes.databaseBytes)} (+ ${mb(sizes.walBytes)} WAL)`);
  lines.push(
    `  cache: ${mb(sizes.cacheBytes)} in ${sizes.cacheFiles} files (${sizes.cacheDir}; safe to delete)`,
  );
  return `${lines.join('\n')}\n`;
}

export function doctorCommand(env: IndexerEnv): Command {
  return new Command('doctor')
    .description(
      'Check this machine and the database: face backend, integrity, orphaned rows, files missing from disk, cache size.',
    )
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--json', 'print one JSON object on stdout')
    .addHelpText(
      'after',
      `
Backends are tried in order: tensorflow-gpu (@tensorflow/tfjs-node-gpu, CUDA), tensorflow
(@tensorflow/tfjs-node), wasm (SIMD). KINDRED_BACKEND=tensorflow-gpu|tensorflow|wasm|cpu forces one.
Exit code 1 when the database is damaged or has broken references (restore a backup: kindred restore).

Example:
  $ kindred doctor
  $ kindred doctor --json | jq .database.integrity
`,
    )
    .action(async (options: { db: string; json?: boolean }) => {
      exportVisionBackend(env);
      const { backendInfo, pipelineVersion } = await import('@kindred/vision');
      const backend = await backendInfo();
      const { detector, maxSide, minScore } = env.vision;
      const pipeline = pipelineVersion({ detector, maxSide, minScore });
      let database: DatabaseHealth | null = null;
      if (existsSync(options.db)) {
        let sqlite: ReturnType<typeof openSqliteFile> | undefined;
        try {
          sqlite = openSqliteFile(options.db, { readonly: true });
          database = checkDatabase(sqlite, options.db);
        } catch (error) {
          throw new CliError(`cannot check database ${options.db}: ${(error as Error).message}`);
        } finally {
          sqlite?.close();
        }
      }
      if (database && needsAttention(database)) process.exitCode = 1;
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ backend, pipeline, databasePath: options.db, database })}\n`,
        );
        return;
      }
      process.stdout.write(
        `Face backend: ${backend.name}${backend.simd ? ' (SIMD)' : ''}\n  ${backend.reason}\n` +
          `Face pipeline: ${pipeline}\n` +
          (database ? formatHealth(options.db, database) : `Database: none at ${options.db}\n`),
      );
    });
}
