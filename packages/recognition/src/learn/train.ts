import { type Matrix, selectRows } from '../matrix.js';
import type { Projection } from '../projection.js';
import { seededRandom } from '../synthetic.js';
import { type BatchOptions, createBatchSampler, semiHardTriplets } from './sampling.js';

export type TrainBackend = 'cpu' | 'wasm';

export interface TrainOptions {
  seed: number;
  /** Gradient steps (one batch each). */
  steps: number;
  batch: BatchOptions;
  /** Triplet margin, relative to the batch's mean squared distance. */
  margin: number;
  learningRate: number;
  /** Pull of W towards the identity (the plain metric), per step. */
  decay: number;
  /** Output dimension (≤ input): a low-rank map when smaller. */
  outDim?: number;
  /**
   * Mean distance of a face to its person's centre after the projection. The naming thresholds
   * assume face-api's scale, where it is 0.29–0.31 on the shared sets.
   */
  spread: number;
  backend: TrainBackend;
}

export const TRAIN_DEFAULTS: TrainOptions = {
  seed: 6,
  steps: 200,
  batch: { people: 16, faces: 4 },
  margin: 0.3,
  learningRate: 0.005,
  decay: 0.0001,
  spread: 0.3,
  backend: 'wasm',
};

export interface TrainResult {
  projection: Projection;
  /** Mean triplet loss of each step. */
  losses: number[];
  ms: number;
  backend: TrainBackend;
}

type Tf = typeof import('@tensorflow/tfjs');
type Scalar = import('@tensorflow/tfjs').Scalar;
let tfLoaded: Promise<Tf> | undefined;

/** tfjs on the chosen backend, loaded on first use (never at import). */
async function loadTf(backend: TrainBackend): Promise<Tf> {
  tfLoaded ??= import('@tensorflow/tfjs');
  const tf = await tfLoaded;
  tf.env().set('PROD', true); // no "install tfjs-node" banner; kernels are the same
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
  await tf.ready();
  return tf;
}

/**
 * Trains W (the descriptors' projection x·W, starting at the identity) with the triplet loss
 * on confirmed faces: P × K batches of confusable people, semi-hard negatives, Adam. The result is
 * rescaled so that faces sit at `spread` from their person's centre on average (the scale the
 * naming thresholds were tuned for). Deterministic for a seed on the same backend.
 */
export async function trainProjection(
  descriptors: Matrix,
  person: ArrayLike<number>,
  options: TrainOptions = TRAIN_DEFAULTS,
): Promise<TrainResult> {
  const started = performance.now();
  const tf = await loadTf(options.backend);
  const inDim = descriptors.dim;
  const outDim = Math.min(options.outDim ?? inDim, inDim);
  const random = seededRandom(options.seed);
  const sample = createBatchSampler(descriptors, person, random, options.batch);
  const eye = tf.eye(inDim, outDim);
  const W = tf.variable(eye.clone());
  const optimizer = tf.train.adam(options.learningRate);
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const idx = sample();
    const labels = Array.from(idx, (i) => person[i] as number);
    const xb = tf.tensor2d(selectRows(descriptors, idx).data, [idx.length, inDim]);
    const d2 = tf.tidy(() => pairwiseSquared(tf, tf.matMul(xb, W)));
    const dist = d2.dataSync() as Float32Array;
    const meanD2 = dist.reduce((a, b) => a + b, 0) / Math.max(1, dist.length - idx.length);
    const triplets = semiHardTriplets(dist, labels, options.margin * meanD2);
    d2.dispose();
    if (triplets.a.length === 0) {
      xb.dispose();
      losses.push(0);
      continue;
    }
    // (a − p) and (a − n) as ±1 selection matrices: matrix products, whose gradients are cheap
    // (tfjs's gather gradient on the CPU backend is not).
    const ap = tf.tensor2d(selection(triplets.a, triplets.p, idx.length), [triplets.a.length, idx.length]);
    const an = tf.tensor2d(selection(triplets.a, triplets.n, idx.length), [triplets.a.length, idx.length]);
    const loss = optimizer.minimize(() => {
      const e = tf.matMul(xb, W);
      const dap = tf.sum(tf.square(tf.matMul(ap, e)), 1);
      const dan = tf.sum(tf.square(tf.matMul(an, e)), 1);
      // Distances relative to the batch's mean (a scale-free loss: growing W cannot satisfy it).
      const scale = tf.add(tf.mean(tf.concat([dap, dan])), 1e-6);
      const triplet = tf.mean(tf.relu(tf.add(tf.div(tf.sub(dap, dan), scale), options.margin)));
      return tf.add(triplet, tf.mul(options.decay, tf.sum(tf.square(tf.sub(W, eye))))) as Scalar;
    }, true);
    losses.push(loss ? (loss.dataSync()[0] as number) : 0);
    tf.dispose(loss ? [loss, ap, an, xb] : [ap, an, xb]);
  }
  const matrix = W.dataSync() as Float32Array;
  tf.dispose([W, eye]);
  optimizer.dispose();
  const projection = { matrix: Float32Array.from(matrix), inDim, outDim };
  rescale(projection, descriptors, person, options.spread);
  return { projection, losses, ms: Math.round(performance.now() - started), backend: options.backend };
}

/** Rows i: +1 at from[i], −1 at to[i] (so S·E is the row differences). */
function selection(from: Int32Array, to: Int32Array, width: number): Float32Array {
  const out = new Float32Array(from.length * width);
  for (let i = 0; i < from.length; i++) {
    out[i * width + (from[i] as number)] = 1;
    out[i * width + (to[i] as number)] = -1;
  }
  return out;
}

/** Squared Euclidean distances between all rows of e. */
function pairwiseSquared(tf: Tf, e: import('@tensorflow/tfjs').Tensor2D) {
  const sq = tf.sum(tf.square(e), 1, true);
  return tf.relu(tf.add(tf.sub(sq, tf.mul(2, tf.matMul(e, e, false, true))), tf.transpose(sq)));
}

/** Scales W so the mean face-to-own-centre distance is `target`. */
function rescale(p: Projection, descriptors: Matrix, person: ArrayLike<number>, target: number) {
  const spread = (map: (row: number, k: number) => number, dim: number) => {
    const sums = new Map<number, { s: Float64Array; n: number }>();
    for (let i = 0; i < descriptors.rows; i++) {
      const e = sums.get(person[i] as number) ?? { s: new Float64Array(dim), n: 0 };
      for (let k = 0; k < dim; k++) e.s[k] = (e.s[k] as number) + map(i, k);
      e.n++;
      sums.set(person[i] as number, e);
    }
    let total = 0;
    for (let i = 0; i < descriptors.rows; i++) {
      const e = sums.get(person[i] as number) as { s: Float64Array; n: number };
      let d = 0;
      for (let k = 0; k < dim; k++) d += (map(i, k) - (e.s[k] as number) / e.n) ** 2;
      total += Math.sqrt(d);
    }
    return total / Math.max(1, descriptors.rows);
  };
  const x = (i: number, k: number) => descriptors.data[i * descriptors.dim + k] as number;
  const y = (i: number, k: number) => {
    let s = 0;
    for (let j = 0; j < p.inDim; j++) s += x(i, j) * (p.matrix[j * p.outDim + k] as number);
    return s;
  };
  const scale = target / Math.max(1e-9, spread(y, p.outDim));
  for (let i = 0; i < p.matrix.length; i++) p.matrix[i] = (p.matrix[i] as number) * scale;
}
