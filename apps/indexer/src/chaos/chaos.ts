/**
 * `npm run chaos`: fault tests over the shared photos (../shared/faces + ../shared/picasa/library), as a
 * script because one pass takes minutes. See docs/reliability.md for what it proves and the last figures.
 *
 *   node dist/chaos/chaos.js [--kills 30] [--clients 20] [--seed N] [--startup-ms 2500] [--out FILE] [--root DIR…]
 *
 * 1. An uninterrupted `kindred index` (the reference), timed.
 * 2. kill -9 at `--kills` random moments spread over a run, re-running after each, then to completion.
 * 3. Another uninterrupted run while `--clients` clients query `kindred api` (whose token checks write too):
 *    no failed request, and the same export as the reference.
 * 4. A full disk under the database (tmpfs, else max_page_count), then space again.
 * Exits 1 when any check fails.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { requireTestData, tempDir } from '@kindred/testing';
import { cliEnv, runCli } from '../testing/cli-runner.js';
import { mountSmallDisk } from '../testing/small-disk.js';
import { querySql } from '../testing/trees.js';
import { confirmedLabels, diffExports, type ExportDoc } from './compare-exports.js';
import { exportOf, integrity, killChaos } from './kills.js';
import { readDuring, startApi } from './readers.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '30' },
    clients: { type: 'string', default: '20' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'startup-ms': { type: 'string', default: '2500' },
    out: { type: 'string' },
    root: { type: 'string', multiple: true },
    'no-readers': { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`chaos: ${line}\n`);
const env = cliEnv();
const data = requireTestData();
const roots = values.root ?? [join(data, 'faces'), join(data, 'picasa', 'library')];
const tmp = tempDir('kindred-chaos-');
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

async function reference() {
  const db = join(tmp.path, 'reference.db');
  const started = performance.now();
  const result = await runCli(['index', '--json', '--db', db, ...roots], { env });
  const runMs = Math.round(performance.now() - started);
  check(result.code === 0, `uninterrupted run completes (exit ${result.code})`);
  const exported = await exportOf(db, env);
  log(
    `reference: ${exported.photos.length} photos, ${confirmedLabels(exported)} confirmed labels, ${runMs} ms`,
  );
  return { runMs, exported };
}

async function readers(baseline: ExportDoc) {
  const db = join(tmp.path, 'read-during-run.db');
  const { url, token, api } = await startApi(db, env);
  const started = performance.now();
  const run = runCli(['index', '--json', '--db', db, ...roots], { env });
  const result = await readDuring(url, token, Number(values.clients), run);
  const finished = await run;
  const runMs = Math.round(performance.now() - started);
  api.kill('SIGTERM');
  await once(api, 'exit');
  check(
    finished.code === 0,
    `run with ${result.clients} clients completes (exit ${finished.code}) in ${runMs} ms`,
  );
  check(
    result.failed === 0,
    `${result.requests} API requests during the run, ${result.failed} failed ${result.failures.join(' | ')}`,
  );
  const differences = diffExports(baseline, await exportOf(db, env));
  check(
    differences.length === 0,
    `export of the run under load equals the reference\n${differences.join('\n')}`,
  );
  return { ...result, runMs, differences: differences.length };
}

async function kills(baseline: ExportDoc, runMs: number) {
  const result = await killChaos({
    db: join(tmp.path, 'killed.db'),
    roots,
    env,
    kills: Number(values.kills),
    seed: Number(values.seed),
    runMs,
    startupMs: Number(values['startup-ms']),
    baseline,
    log,
  });
  check(
    result.integrityFailures.length === 0,
    `integrity_check ok after every kill ${result.integrityFailures.join(' | ')}`,
  );
  check(
    result.differences.length === 0,
    `export after ${result.kills} kills equals the uninterrupted run's\n${result.differences.join('\n')}`,
  );
  check(result.facesRedone === 0, `no stored face redone (${result.facesRedone})`);
  check(result.photosRedone === 0, `no photo analysed twice (${result.photosRedone})`);
  return result;
}

async function fullDisk() {
  const disk = mountSmallDisk(join(tmp.path, 'disk'), 16 * 1024 * 1024);
  const db = join(tmp.path, 'disk', 'k.db');
  try {
    const first = await runCli(['index', '--no-faces', '--db', db, roots[0] as string], { env });
    check(first.code === 0, 'full disk: first run with space');
    let fullEnv = env;
    let release = () => {};
    if (disk) release = disk.fillLeaving(128 * 1024);
    else {
      const pages = querySql<{ page_count: number }>(db, 'PRAGMA page_count')[0]?.page_count ?? 0;
      fullEnv = cliEnv({ KINDRED_TEST_MAX_DB_PAGES: String(pages + 20) });
    }
    const full = await runCli(['index', '--db', db, ...roots], { env: fullEnv });
    check(
      full.code === 1 && /is full .*free some space/.test(full.stderr),
      `full disk (${disk ? 'tmpfs' : 'max_page_count'}): clear error (${full.stderr.trim().split('\n').at(-1)})`,
    );
    check(integrity(db) === 'ok', 'full disk: database valid');
    release();
    const next = await runCli(['index', '--no-faces', '--db', db, ...roots], { env });
    check(next.code === 0, `full disk: next run with space succeeds (exit ${next.code})`);
    return { mode: disk ? 'tmpfs' : 'max_page_count' };
  } finally {
    disk?.unmount();
  }
}

try {
  log(`seed ${values.seed}; working in ${tmp.path}`);
  const ref = await reference();
  const killed = await kills(ref.exported, ref.runMs);
  const read = values['no-readers'] ? null : await readers(ref.exported);
  const disk = await fullDisk();
  const summary = {
    seed: Number(values.seed),
    photos: ref.exported.photos.length,
    confirmedLabels: confirmedLabels(ref.exported),
    uninterruptedRunMs: ref.runMs,
    readers: read,
    kills: killed,
    fullDisk: disk,
    failures,
  };
  const json = `${JSON.stringify(summary, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  process.stdout.write(json);
  process.exitCode = failures.length === 0 ? 0 : 1;
} finally {
  tmp.cleanup();
}
