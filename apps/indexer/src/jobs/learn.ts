import { blobToVector, type KindredDb } from '@kindred/db';
import { toMatrix } from '@kindred/recognition';
import {
  TRAIN_DEFAULTS,
  type TrainOptions,
  trainProjection,
  validateLearning,
} from '@kindred/recognition/learn';
import {
  adoptedProjection,
  type LearnedMetric,
  projectionToJson,
  readLearnedMetric,
  restoreGroupIds,
  saveGroupIds,
  writeLearnedMetric,
} from './learn-store.js';
import { type RecognizeReport, runRecognition } from './recognize.js';

export interface LearnOptions {
  /** Forget the learned metric and re-run recognition with the plain one. */
  reset?: boolean;
  train?: Partial<TrainOptions>;
  /** Labels to train on instead of the people (tests: shuffled labels are refused). */
  shuffleLabels?: boolean;
}

export interface LearnReport {
  status: 'done' | 'skipped';
  reason: string;
  metric: LearnedMetric | null;
  /** The full recognition run when the metric in use changed. */
  recognition?: RecognizeReport;
  ms: number;
}

/** Fewest confirmed faces worth learning from. */
const MIN_FACES = 20;

/**
 * `kindred learn`: trains a projection of the descriptors on the confirmed faces (triplet loss),
 * validates it on held-out people and photos, and adopts it only when naming and grouping improve
 * there. The decision and figures go in `settings`; when the metric in use changes, recognition
 * re-runs in full (confirmed faces never move). `reset` goes back to the plain metric.
 */
export async function runLearn(db: KindredDb, options: LearnOptions = {}): Promise<LearnReport> {
  const started = performance.now();
  const sqlite = db.$client;
  const previous = readLearnedMetric(sqlite);
  const ms = () => Math.round(performance.now() - started);
  if (options.reset) {
    if (!previous?.adopted)
      return { status: 'skipped', reason: 'no learned metric in use', metric: previous, ms: ms() };
    const { projection: _dropped, ...rest } = previous;
    const metric = {
      ...rest,
      adopted: false,
      resetAt: new Date().toISOString(),
      reason: 'reset by kindred learn --reset',
    };
    writeLearnedMetric(sqlite, metric);
    restoreGroupIds(sqlite);
    return {
      status: 'done',
      reason: metric.reason,
      metric,
      recognition: runRecognition(db, { full: true }),
      ms: ms(),
    };
  }
  const rows = sqlite
    .prepare(
      `SELECT f.descriptor, f.person_id AS personId, f.photo_hash AS photo FROM faces f
       JOIN people p ON p.id = f.person_id AND p.merged_into IS NULL
       WHERE f.state = 'confirmed' AND f.descriptor IS NOT NULL ORDER BY f.id`,
    )
    .all() as { descriptor: Buffer; personId: number; photo: string }[];
  const people = new Set(rows.map((r) => r.personId)).size;
  if (rows.length < MIN_FACES || people < 2) {
    return {
      status: 'skipped',
      reason: `need at least ${MIN_FACES} confirmed faces of 2 people (have ${rows.length} of ${people})`,
      metric: previous,
      ms: ms(),
    };
  }
  const train = { ...TRAIN_DEFAULTS, ...options.train };
  const data = {
    descriptors: toMatrix(rows.map((r) => blobToVector(r.descriptor))),
    person: Int32Array.from(rows, (r) => r.personId),
    photo: rows.map((r) => r.photo),
  };
  const labels = options.shuffleLabels ? shuffled(data.person, train.seed) : data.person;
  const current = adoptedProjection(sqlite);
  const validation = await validateLearning(data, {
    train,
    trainLabels: labels,
    ...(current ? { current } : {}),
  });
  const final = validation.adopt ? await trainProjection(data.descriptors, labels, train) : null;
  const metric: LearnedMetric = {
    adopted: validation.adopt,
    reason: validation.reason,
    decidedAt: new Date().toISOString(),
    trainedOn: { faces: rows.length, people },
    current: validation.current,
    learned: validation.learned,
    folds: validation.folds,
    backend: train.backend,
    trainMs: final?.ms ?? validation.foldMs,
    seed: train.seed,
    steps: train.steps,
    ...(final ? { projection: projectionToJson(final.projection) } : {}),
  };
  // A refused metric never replaces one in use: keep the adopted one, record the new figures beside it.
  if (!metric.adopted && previous?.adopted) {
    writeLearnedMetric(sqlite, { ...previous, reason: `kept; a new one was refused: ${metric.reason}` });
    return { status: 'done', reason: metric.reason, metric: readLearnedMetric(sqlite), ms: ms() };
  }
  if (metric.adopted && !previous?.adopted) saveGroupIds(sqlite);
  writeLearnedMetric(sqlite, metric);
  const changed = metric.adopted || previous?.adopted === true;
  return {
    status: 'done',
    reason: metric.reason,
    metric,
    ...(changed ? { recognition: runRecognition(db, { full: true }) } : {}),
    ms: ms(),
  };
}

/** The labels in a seeded random order (a metric trained on them must be refused). */
function shuffled(labels: Int32Array, seed: number): Int32Array {
  const out = Int32Array.from(labels);
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
}
