import { seededRandom } from '@kindred/recognition';
import { finished, runCli, startCli } from '../testing/cli-runner.js';
import { querySql } from '../testing/trees.js';
import { diffExports, type ExportDoc } from './compare-exports.js';

export function integrity(db: string): string {
  return querySql<{ integrity_check: string }>(db, 'PRAGMA integrity_check')
    .map((row) => row.integrity_check)
    .join('; ');
}

export async function exportOf(db: string, env: NodeJS.ProcessEnv): Promise<ExportDoc> {
  const result = await runCli(['export', '--db', db], { env });
  if (result.code !== 0) throw new Error(`kindred export failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ExportDoc;
}

export interface KillOptions {
  db: string;
  roots: string[];
  env: NodeJS.ProcessEnv;
  kills: number;
  seed: number;
  /** How long an uninterrupted run took: kill moments are spread over it. */
  runMs: number;
  /** Start-up time of a run before it makes progress (process, database, models), added to each delay. */
  startupMs: number;
  baseline: ExportDoc;
  log: (line: string) => void;
}

export interface KillResult {
  kills: number;
  /** Runs that finished before their kill moment came (counted, not kills). */
  finishedEarly: number;
  integrityFailures: string[];
  /**
   * Faces stored before a kill that a later run deleted and detected again at the same place (must be none).
   * A detection merged into a Picasa tag (the tag takes its descriptor and score) is not a redo.
   */
  facesRedone: number;
  /** Photos the last (uninterrupted) run analysed that earlier runs had already stored (must be 0). */
  photosRedone: number;
  differences: string[];
  finalCode: number | null;
}

/** Detected faces by id, with their photo and box (rounded) as the key a redo would repeat. */
const detected = (db: string) =>
  new Map(
    querySql<{ id: number; key: string }>(
      db,
      `SELECT id, photo_hash || ':' || round(x, 4) || ',' || round(y, 4) || ',' || round(w, 4) || ',' || round(h, 4) AS key
       FROM faces WHERE source = 'detected'`,
    ).map((row) => [row.id, row.key]),
  );
const storedHashes = (db: string) =>
  new Set(
    querySql<{ hash: string }>(db, 'SELECT hash FROM photos WHERE faces_pipeline IS NOT NULL').map(
      (r) => r.hash,
    ),
  );

/**
 * kill -9 `kindred index` at `kills` random moments spread over one run's duration, re-running after each,
 * then runs it to completion. After each kill: PRAGMA integrity_check. At the end: the export equals the
 * uninterrupted run's, no stored face was redone, and the last run analysed only photos nobody had stored.
 */
export async function killChaos(options: KillOptions): Promise<KillResult> {
  const next = seededRandom(options.seed); // replayable with the printed seed
  const moments = Array.from({ length: options.kills }, () => next() * options.runMs).sort((a, b) => a - b);
  const result: KillResult = {
    kills: 0,
    finishedEarly: 0,
    integrityFailures: [],
    facesRedone: 0,
    photosRedone: 0,
    differences: [],
    finalCode: null,
  };
  const seenFaces = new Map<number, string>();
  let previous = 0;
  let shortRunMs = options.startupMs + 1000; // how long the last run that was not killed took
  // A run that finished before its moment leaves a kill to do: later tries kill runs with little left to do,
  // at a random moment of their start-up, walk or recognition.
  for (let i = 0; result.kills < options.kills && i < 2 * options.kills; i++) {
    const moment = moments[i];
    const delay = Math.round(
      moment === undefined ? 50 + next() * 0.9 * shortRunMs : moment - previous + options.startupMs,
    );
    previous = moment ?? previous;
    const started = performance.now();
    const child = startCli(['index', '--db', options.db, ...options.roots], { env: options.env });
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const end = await finished(child);
    clearTimeout(timer);
    if (end.signal === 'SIGKILL') result.kills++;
    else {
      result.finishedEarly++;
      shortRunMs = performance.now() - started;
    }
    const check = integrity(options.db);
    if (check !== 'ok') result.integrityFailures.push(`after kill ${i + 1}: ${check}`);
    for (const [id, key] of detected(options.db)) seenFaces.set(id, key);
    options.log(
      `try ${i + 1}, kill ${result.kills}/${options.kills} after ${delay} ms: ${end.signal ?? `exit ${end.code}`}, integrity ${check}`,
    );
  }
  const before = storedHashes(options.db);
  const last = await runCli(['index', '--json', '--db', options.db, ...options.roots], { env: options.env });
  result.finalCode = last.code;
  if (last.code !== 0) throw new Error(`the run after the kills failed: ${last.stderr}`);
  const after = detected(options.db);
  const afterKeys = new Set(after.values());
  result.facesRedone = [...seenFaces].filter(([id, key]) => !after.has(id) && afterKeys.has(key)).length;
  const processed =
    (JSON.parse(last.stdout) as { faces?: { photosProcessed: number } }).faces?.photosProcessed ?? 0;
  const expected = [...storedHashes(options.db)].filter((hash) => !before.has(hash)).length;
  result.photosRedone = processed - expected;
  const check = integrity(options.db);
  if (check !== 'ok') result.integrityFailures.push(`after the final run: ${check}`);
  result.differences = diffExports(options.baseline, await exportOf(options.db, options.env));
  return result;
}
