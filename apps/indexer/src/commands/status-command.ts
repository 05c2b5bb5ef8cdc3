import { Command } from 'commander';
import type { IndexerEnv } from '../env.js';
import { type LearnedMetric, readLearnedMetric } from '../jobs/learn-store.js';
import type { RunRow } from '../jobs/run-digest.js';
import { openForCommand } from './cli-error.js';

interface RootStatus {
  path: string;
  files: number;
  bytes: number;
}

export function statusCommand(env: IndexerEnv): Command {
  return new Command('status')
    .description('Show the remembered roots, what the library holds, and the last index runs.')
    .option('--db <path>', 'database file (env KINDRED_DB)', env.databasePath)
    .option('--json', 'print one JSON object on stdout')
    .addHelpText('after', '\nExamples:\n  $ kindred status\n  $ kindred status --json | jq .lastRun\n')
    .action((options: { db: string; json?: boolean }) => {
      const db = openForCommand(options.db, { readonly: true });
      const sqlite = db.$client;
      const roots = sqlite
        .prepare(
          `SELECT r.path, COUNT(f.id) AS files, COALESCE(SUM(f.size), 0) AS bytes FROM roots r
           LEFT JOIN files f ON f.root_id = r.id AND f.status = 'present' GROUP BY r.id ORDER BY r.path`,
        )
        .all() as RootStatus[];
      const kinds = sqlite
        .prepare(
          `SELECT c.kind, COUNT(DISTINCT c.hash) AS n FROM contents c JOIN files f ON f.content_hash = c.hash
           AND f.status = 'present' GROUP BY c.kind`,
        )
        .all() as { kind: string; n: number }[];
      const removed = (
        sqlite.prepare(`SELECT COUNT(*) AS n FROM files WHERE status = 'removed'`).get() as { n: number }
      ).n;
      const runs = sqlite
        .prepare(
          'SELECT id, status, started_at AS startedAt, finished_at AS finishedAt, report FROM runs ORDER BY id DESC LIMIT 5',
        )
        .all() as RunRow[];
      const metric = readLearnedMetric(sqlite);
      sqlite.close();
      const contents = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
      const lastRun = runs[0]
        ? { ...runs[0], report: runs[0].report ? JSON.parse(runs[0].report) : null }
        : null;
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({ database: options.db, roots, contents, removedFiles: removed, lastRun, learnedMetric: learnedSummary(metric) })}\n`,
        );
        return;
      }
      const lines = [`Database: ${options.db}`, 'Roots:'];
      if (roots.length === 0) lines.push('  (none yet: kindred index <folder>)');
      for (const root of roots)
        lines.push(`  ${root.path}  ${root.files} files, ${(root.bytes / 1024 ** 3).toFixed(2)} GB`);
      lines.push(
        `Contents: ${contents.image ?? 0} images, ${contents.video ?? 0} videos, ${contents.other ?? 0} other; ${removed} removed paths kept as history`,
      );
      lines.push('Recent runs:');
      for (const run of runs) {
        const files = run.report
          ? (JSON.parse(run.report) as { files?: Record<string, number> }).files
          : undefined;
        const summary = files
          ? ` seen ${files.seen}, new ${files.new}, changed ${files.changed}, moved ${files.moved}, removed ${files.removed}`
          : '';
        lines.push(`  #${run.id} ${run.status} ${run.startedAt}${summary}`);
      }
      lines.push(`Learned metric: ${learnedLine(metric)}`);
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

function learnedSummary(metric: LearnedMetric | null) {
  if (!metric) return null;
  const { projection: _w, folds: _f, ...summary } = metric;
  return summary;
}

function learnedLine(m: LearnedMetric | null): string {
  if (!m) return 'none (kindred learn)';
  const f = (x: { precision: number; recall: number; bcubedF: number }) =>
    `${(100 * x.precision).toFixed(1)}% / ${(100 * x.recall).toFixed(1)}% / F ${x.bcubedF.toFixed(3)}`;
  const state = m.adopted ? 'in use' : m.resetAt ? `not in use (reset ${m.resetAt})` : 'not adopted';
  return `${state}; held-out precision / recall / grouping: learned ${f(m.learned)} vs plain ${f(m.current)} (${m.decidedAt})`;
}
