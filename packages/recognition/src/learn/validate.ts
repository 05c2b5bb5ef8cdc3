import type { EvalSet } from '../eval/eval-set.js';
import { ours, recognizeSet } from '../eval/methods.js';
import { type Score, scorePrediction } from '../eval/score.js';
import { type Matrix, selectRows } from '../matrix.js';
import type { Projection } from '../projection.js';
import { seededRandom } from '../synthetic.js';
import { TRAIN_DEFAULTS, type TrainOptions, trainProjection } from './train.js';

/** Confirmed faces: the only labelled data a family has. */
export interface LabelledFaces {
  descriptors: Matrix;
  person: ArrayLike<number>;
  photo: ArrayLike<string>;
}

export interface Figures {
  precision: number;
  recall: number;
  bcubedF: number;
}

export interface FoldResult {
  fold: string;
  trainFaces: number;
  testFaces: number;
  current: Figures;
  learned: Figures;
}

export interface Validation {
  folds: FoldResult[];
  /** Means over the folds. */
  current: Figures;
  learned: Figures;
  adopt: boolean;
  reason: string;
  /** Training time of the slowest fold (ms). */
  foldMs: number;
}

export interface ValidateOptions {
  train?: TrainOptions;
  /** The metric in use now (none = plain Euclidean). */
  current?: Projection;
  /** Labels to train on instead of the true ones (tests: shuffled labels must not be adopted). */
  trainLabels?: ArrayLike<number>;
  /** Smallest total gain (precision + recall + BCubed F) that counts as an improvement. */
  minGain?: number;
}

const FOLDS = 3;

/**
 * Held-out validation of a learned metric: people-split folds (the metric must help with people it
 * never saw; half of the held-out people are tagged on ~35% of their faces, half never, for grouping)
 * and photo-split folds (faces of held-out photos are named from the rest). Adopt only when no figure
 * gets worse and together they improve by `minGain`.
 */
export async function validateLearning(
  data: LabelledFaces,
  options: ValidateOptions = {},
): Promise<Validation> {
  const train = options.train ?? TRAIN_DEFAULTS;
  const labels = options.trainLabels ?? data.person;
  const folds: FoldResult[] = [];
  let foldMs = 0;
  for (const fold of makeFolds(data, train.seed)) {
    const trainIdx = fold.train;
    const result = await trainProjection(
      selectRows(data.descriptors, trainIdx),
      trainIdx.map((i) => labels[i] as number),
      train,
    );
    foldMs = Math.max(foldMs, result.ms);
    const score = (p?: Projection): Figures =>
      figures(scorePrediction(fold.test, recognizeSet(fold.test, ours.defaults, p)));
    folds.push({
      fold: fold.name,
      trainFaces: trainIdx.length,
      testFaces: fold.test.identity.length,
      current: score(options.current),
      learned: score(result.projection),
    });
  }
  const current = mean(folds.map((f) => f.current));
  const learned = mean(folds.map((f) => f.learned));
  const gain =
    learned.precision -
    current.precision +
    learned.recall -
    current.recall +
    learned.bcubedF -
    current.bcubedF;
  const worse = (['precision', 'recall', 'bcubedF'] as const).filter((k) => learned[k] < current[k] - 1e-9);
  const minGain = options.minGain ?? 0.005;
  const adopt = worse.length === 0 && gain >= minGain;
  const reason = adopt
    ? `held-out folds improve by ${(100 * gain).toFixed(1)} points in all (no figure worse)`
    : worse.length > 0
      ? `held-out ${worse.join(', ')} worse with the learned metric`
      : `held-out gain ${(100 * gain).toFixed(1)} points is below ${(100 * minGain).toFixed(1)}`;
  return { folds, current, learned, adopt, reason, foldMs };
}

function figures(s: Score): Figures {
  return { precision: s.precision, recall: s.recall, bcubedF: s.bcubedF };
}

function mean(list: Figures[]): Figures {
  const n = Math.max(1, list.length);
  const sum = (k: keyof Figures) => list.reduce((a, f) => a + f[k], 0) / n;
  return { precision: sum('precision'), recall: sum('recall'), bcubedF: sum('bcubedF') };
}

interface Fold {
  name: string;
  train: number[];
  test: EvalSet;
}

/** People-split and photo-split folds (FOLDS each), drawn with the seed. */
export function makeFolds(data: LabelledFaces, seed: number): Fold[] {
  const random = seededRandom(seed);
  const shuffle = <T>(list: T[]) =>
    list
      .map((v) => ({ v, r: random() }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.v);
  const n = data.descriptors.rows;
  const all = Array.from({ length: n }, (_, i) => i);
  const people = shuffle([...new Set(Array.from(data.person))].sort((a, b) => a - b));
  const photos = shuffle([...new Set(Array.from(data.photo))].sort());
  const folds: Fold[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const held = new Set(people.filter((_, i) => i % FOLDS === k));
    const test = all.filter((i) => held.has(data.person[i] as number));
    const tagged = new Set([...held].filter((_, i) => i % 2 === 0));
    const seen = new Map<number, number>();
    const confirmed = test.map((i) => {
      const p = data.person[i] as number;
      const count = all.filter((j) => data.person[j] === p).length;
      const rank = seen.get(p) ?? 0;
      seen.set(p, rank + 1);
      return tagged.has(p) && count >= 2 && rank < Math.max(1, Math.round(0.35 * count));
    });
    folds.push({
      name: `people ${k + 1}/${FOLDS}`,
      train: all.filter((i) => !held.has(data.person[i] as number)),
      test: asSet(data, test, confirmed),
    });
  }
  for (let k = 0; k < FOLDS; k++) {
    const held = new Set(photos.filter((_, i) => i % FOLDS === k));
    const train = all.filter((i) => !held.has(data.photo[i] as string));
    folds.push({
      name: `photos ${k + 1}/${FOLDS}`,
      train,
      test: asSet(
        data,
        all,
        all.map((i) => !held.has(data.photo[i] as string)),
      ),
    });
  }
  return folds;
}

function asSet(data: LabelledFaces, rows: number[], confirmed: boolean[]): EvalSet {
  return {
    name: 'fold',
    descriptors: selectRows(data.descriptors, rows),
    photo: rows.map((i) => data.photo[i] as string),
    identity: rows.map((i) => String(data.person[i])),
    confirmed,
  };
}
