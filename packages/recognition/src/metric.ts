import type { Matrix } from './matrix.js';

/**
 * The original method's metric: per-dimension weights 1 / variance of the descriptors,
 * normalised to mean 1 so distances stay on the Euclidean scale.
 */
export function varianceWeights(m: Matrix): Float32Array {
  const { dim, rows, data } = m;
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < dim; k++) {
      const v = data[i * dim + k] as number;
      mean[k] = (mean[k] as number) + v;
      sq[k] = (sq[k] as number) + v * v;
    }
  }
  const w = new Float64Array(dim);
  let total = 0;
  for (let k = 0; k < dim; k++) {
    const mu = (mean[k] as number) / Math.max(1, rows);
    const variance = Math.max(1e-6, (sq[k] as number) / Math.max(1, rows) - mu * mu);
    w[k] = 1 / variance;
    total += w[k] as number;
  }
  return Float32Array.from(w, (v) => (v * dim) / total);
}

/** Rows scaled by √w, so plain Euclidean distance on the result is the weighted distance. */
export function applyWeights(m: Matrix, weights: Float32Array): Matrix {
  const scale = Float32Array.from(weights, Math.sqrt);
  const data = new Float32Array(m.data.length);
  for (let i = 0; i < m.data.length; i++) data[i] = (m.data[i] as number) * (scale[i % m.dim] as number);
  return { data, rows: m.rows, dim: m.dim };
}
