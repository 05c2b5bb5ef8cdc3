import { requireTestData } from '@kindred/testing';
import { euclidean } from '../matrix.js';
import { applyWeights, varianceWeights } from '../metric.js';
import { libraryJobs, loadPairs, loadSeededLibrary } from './datasets.js';
import { describePhotos } from './descriptor-cache.js';
import { type EvalSet, labelledFaceBySource, seededSet, simulatedSet } from './eval-set.js';
import { learnedMetricTable } from './learned-eval.js';
import {
  euclideanCentroid,
  faceRecognition,
  type Method,
  original,
  ours,
  type Params,
  product,
} from './methods.js';
import { immich, photoprism } from './methods-apps.js';
import { objective, type Score, scorePrediction } from './score.js';

export const METHODS: Method[] = [original, faceRecognition, immich, photoprism, euclideanCentroid, ours];

export interface EvalRow {
  set: string;
  method: string;
  setting: 'default' | 'best' | 'shipped';
  params: Params;
  score: Score;
}

/** Best parameters of a method on a set (precision first; see `objective`), tuned stage by stage. */
export function tune(method: Method, set: EvalSet): { params: Params; score: Score } {
  let params = { ...method.defaults };
  let score = scorePrediction(set, method.run(set, params));
  for (const stage of method.stages ?? [Object.keys(method.axes)]) {
    const axes = Object.fromEntries(stage.map((k) => [k, method.axes[k] as number[]]));
    const base = params;
    for (const p of product(axes)) {
      const candidate = { ...base, ...p };
      const s = scorePrediction(set, method.run(set, candidate));
      if (objective(s) > objective(score)) {
        params = candidate;
        score = s;
      }
    }
  }
  return { params, score };
}

/** Every method at its defaults and at its best on each set; ours at shipped defaults. */
export function evaluate(
  sets: EvalSet[],
  methods = METHODS,
  options: { tuneAll?: boolean; onRow?: (row: EvalRow) => void } = {},
): EvalRow[] {
  const rows: EvalRow[] = [];
  const push = (row: EvalRow) => {
    rows.push(row);
    options.onRow?.(row);
  };
  for (const set of sets) {
    for (const m of methods) {
      const mine = m === ours;
      const d = scorePrediction(set, m.run(set, m.defaults));
      push({
        set: set.name,
        method: m.name,
        setting: mine ? 'shipped' : 'default',
        params: m.defaults,
        score: d,
      });
      if (options.tuneAll ?? true) push({ set: set.name, method: m.name, setting: 'best', ...tune(m, set) });
    }
  }
  return rows;
}

/** Verification accuracy on pairs.tsv at a threshold, plain and variance-weighted. */
export function verification(
  pairs: { a: string; b: string; same: boolean }[],
  face: Map<string, Float32Array>,
) {
  const usable = pairs.filter((p) => face.has(p.a) && face.has(p.b));
  const all = [...face.values()];
  const weights = varianceWeights({
    data: Float32Array.from(all.flatMap((v) => [...v])),
    rows: all.length,
    dim: 128,
  });
  const weigh = (v: Float32Array) => applyWeights({ data: v, rows: 1, dim: v.length }, weights).data;
  const dist = (w: boolean) =>
    usable.map((p) => {
      const a = face.get(p.a) as Float32Array;
      const b = face.get(p.b) as Float32Array;
      return { d: w ? euclidean(weigh(a), weigh(b)) : euclidean(a, b), same: p.same };
    });
  const accuracy = (ds: { d: number; same: boolean }[], t: number) =>
    ds.filter((x) => x.d <= t === x.same).length / ds.length;
  const out = (w: boolean) => {
    const ds = dist(w);
    let best = { t: 0.6, acc: accuracy(ds, 0.6) };
    for (let t = 0.3; t <= 0.9; t += 0.01) if (accuracy(ds, t) > best.acc) best = { t, acc: accuracy(ds, t) };
    return { at06: accuracy(ds, 0.6), best };
  };
  return { pairs: pairs.length, usable: usable.length, euclidean: out(false), weighted: out(true) };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const fmt = (p: Params) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

/** The comparison as a Markdown table. */
export const TABLE_HEADER =
  '| set | method | setting | params | precision | recall | BCubed F | conflicts |\n|---|---|---|---|---|---|---|---|';

/** One Markdown table row. */
export function tableRow(r: EvalRow): string {
  const s = r.score;
  return `| ${r.set} | ${r.method} | ${r.setting} | ${fmt(r.params)} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.bcubedF.toFixed(3)} | ${s.conflicts} |`;
}

/** Loads (or computes once) descriptors and builds the three scenarios. */
export async function loadEvalSets(log: (line: string) => void = () => {}) {
  const shared = requireTestData();
  const lfw = loadSeededLibrary(shared, 'lfw-library');
  const lib = loadSeededLibrary(shared, 'library');
  const lfwCache = await describePhotos(libraryJobs(lfw), { log });
  const libCache = await describePhotos(libraryJobs(lib), { log });
  return {
    sets: [seededSet(lib, libCache), seededSet(lfw, lfwCache), simulatedSet(lib, libCache)],
    pairs: loadPairs(shared),
    faceBySource: labelledFaceBySource(lib, libCache),
  };
}

if (process.argv[1]?.endsWith('run-eval.js')) {
  const started = performance.now();
  const { sets, pairs, faceBySource } = await loadEvalSets((l) => console.error(l));
  const v = verification(pairs, faceBySource);
  console.log(`(a) verification on faces/pairs.tsv: ${v.usable}/${v.pairs} pairs with both faces described`);
  console.log(
    `    Euclidean: ${pct(v.euclidean.at06)} at 0.6, best ${pct(v.euclidean.best.acc)} at ${v.euclidean.best.t.toFixed(2)}`,
  );
  console.log(
    `    variance-weighted: ${pct(v.weighted.at06)} at 0.6, best ${pct(v.weighted.best.acc)} at ${v.weighted.best.t.toFixed(2)}`,
  );
  console.log('\n(b, c) recognition\n');
  console.log(TABLE_HEADER);
  const quick = process.argv.includes('--quick');
  evaluate(sets, METHODS, { tuneAll: !quick, onRow: (row) => console.log(tableRow(row)) });
  if (!quick) {
    console.log(
      '\n(issue 6) learned metric: held-out folds (3 people-split + 3 photo-split), adoption, scenario\n',
    );
    await learnedMetricTable(sets, (line) => console.log(line));
  }
  console.error(`eval took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
