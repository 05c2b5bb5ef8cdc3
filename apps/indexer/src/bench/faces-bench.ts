/**
 * Benchmark: `kindred index` end to end on ../shared/faces (cold, a fresh database) next to the vision
 * pool alone on the same photos, and the indexer's peak RSS. Prints a table; figures go in
 * docs/benchmarks.md. Usage: node dist/bench/faces-bench.js [--limit N]
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { requireTestData, tempDir } from '@kindred/testing';
import { createVisionPool } from '@kindred/vision';
import { cliPath } from '../testing/cli-runner.js';

const IMAGE = /\.(jpe?g|png|webp|gif)$/i;

function images(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && IMAGE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function visionAlone(paths: string[]): Promise<number> {
  const pool = createVisionPool();
  await pool.backend();
  const started = performance.now();
  const running = new Set<Promise<unknown>>();
  for (const path of paths) {
    await pool.whenReady();
    const task: Promise<unknown> = pool
      .analyze(path)
      .catch(() => null)
      .finally(() => running.delete(task));
    running.add(task);
  }
  await Promise.all(running);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return seconds;
}

async function indexerRun(
  root: string,
  db: string,
): Promise<{ seconds: number; peakRss: number; photos: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [cliPath, 'index', '--json', '--db', db, root], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  let peakRss = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, rssOf(child.pid ?? 0));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`kindred index exited ${code}`);
  const report = JSON.parse(stdout) as { faces: { photosProcessed: number } };
  return { seconds: (performance.now() - started) / 1000, peakRss, photos: report.faces.photosProcessed };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { limit: { type: 'string' } } });
  const root = join(requireTestData(), 'faces');
  const all = images(root);
  const limit = values.limit ? Number(values.limit) : all.length;
  const tmp = tempDir('kindred-faces-bench-');
  try {
    const visionSeconds = await visionAlone(all.slice(0, limit));
    const indexed = await indexerRun(root, join(tmp.path, 'bench.db'));
    const visionRate = Math.min(limit, all.length) / visionSeconds;
    const indexRate = indexed.photos / indexed.seconds;
    const rows = [
      ['vision pool alone', `${limit} photos`, `${visionRate.toFixed(2)} photos/s`, '—'],
      [
        'kindred index (cold, whole run)',
        `${indexed.photos} photos`,
        `${indexRate.toFixed(2)} photos/s`,
        `${(indexed.peakRss / 1024 / 1024).toFixed(0)} MB peak RSS`,
      ],
      ['indexer overhead', '', `${((visionRate / indexRate - 1) * 100).toFixed(1)} %`, ''],
    ];
    console.log('| run | work | throughput | memory |\n| --- | --- | --- | --- |');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } finally {
    tmp.cleanup();
  }
}

await main();
