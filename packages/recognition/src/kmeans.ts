import { distanceBlock, type Matrix, selectRows, squaredNorms } from './matrix.js';

export interface KMeansResult {
  centroids: Matrix;
  /** Centroid index of each input row. */
  assignment: Int32Array;
}

/** Nearest centroid of every row (blocked). */
export function assignNearest(
  points: Matrix,
  centroids: Matrix,
): { assignment: Int32Array; distance: Float32Array } {
  const assignment = new Int32Array(points.rows);
  const distance = new Float32Array(points.rows);
  const pn = squaredNorms(points);
  const cn = squaredNorms(centroids);
  const block = 256;
  const out = new Float32Array(block * centroids.rows);
  for (let q = 0; q < points.rows; q += block) {
    const end = Math.min(points.rows, q + block);
    distanceBlock(points, pn, q, end, centroids, cn, out);
    for (let i = q; i < end; i++) {
      const r = (i - q) * centroids.rows;
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < centroids.rows; c++) {
        const d = out[r + c] as number;
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      assignment[i] = best;
      distance[i] = bestD;
    }
  }
  return { assignment, distance };
}

/**
 * Deterministic k-means, then `iterations` Lloyd steps; k is capped at the number of rows.
 * Initialisation `spread`: farthest points from row 0 (finds every look, for prototypes);
 * `sample`: evenly spaced rows (balanced lists, for search indexes; outliers do not take seeds).
 */
export function kMeans(
  points: Matrix,
  k: number,
  iterations = 8,
  init: 'spread' | 'sample' = 'spread',
): KMeansResult {
  const n = points.rows;
  const kk = Math.max(1, Math.min(k, n));
  const dim = points.dim;
  const seeds: number[] = [0];
  if (init === 'sample') for (let s = 1; s < kk; s++) seeds.push(Math.floor((s * n) / kk));
  else if (kk > 1) {
    const minD = new Float32Array(n).fill(Infinity);
    for (let s = 1; s < kk; s++) {
      const last = selectRows(points, [seeds[s - 1] as number]);
      const { distance } = assignNearest(points, last);
      let far = 0;
      for (let i = 0; i < n; i++) {
        minD[i] = Math.min(minD[i] as number, distance[i] as number);
        if ((minD[i] as number) > (minD[far] as number)) far = i;
      }
      seeds.push(far);
    }
  }
  const centroids = selectRows(points, seeds);
  let assignment: Int32Array = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    assignment = assignNearest(points, centroids).assignment;
    const sums = new Float64Array(kk * dim);
    const counts = new Int32Array(kk);
    for (let i = 0; i < n; i++) {
      const c = assignment[i] as number;
      counts[c] = (counts[c] as number) + 1;
      const o = i * dim;
      const oc = c * dim;
      for (let d = 0; d < dim; d++) sums[oc + d] = (sums[oc + d] as number) + (points.data[o + d] as number);
    }
    for (let c = 0; c < kk; c++) {
      const cnt = counts[c] as number;
      if (cnt === 0) continue;
      for (let d = 0; d < dim; d++) centroids.data[c * dim + d] = (sums[c * dim + d] as number) / cnt;
    }
  }
  if (iterations > 0) assignment = assignNearest(points, centroids).assignment;
  return { centroids, assignment };
}
