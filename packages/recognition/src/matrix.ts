import { simdDots } from './simd.js';

/**
 * Row-major Float32 matrices of descriptors and the blocked distance kernels over them.
 * Every kernel works on whole typed arrays (no per-vector objects) so V8 keeps it in tight loops.
 */
export interface Matrix {
  /** rows × dim values, row-major. */
  data: Float32Array;
  rows: number;
  dim: number;
}

/** Packs descriptors (all of one length) into one matrix. */
export function toMatrix(vectors: ArrayLike<ArrayLike<number>>, dim?: number): Matrix {
  const d = dim ?? vectors[0]?.length ?? 0;
  const data = new Float32Array(vectors.length * d);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i] as ArrayLike<number>;
    if (v.length !== d) throw new RangeError(`descriptor ${i} has ${v.length} values, expected ${d}`);
    data.set(v, i * d);
  }
  return { data, rows: vectors.length, dim: d };
}

/** One row as a view (no copy). */
export function row(m: Matrix, i: number): Float32Array {
  return m.data.subarray(i * m.dim, (i + 1) * m.dim);
}

/** Rows picked by index, copied into a new matrix. */
export function selectRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const data = new Float32Array(indices.length * m.dim);
  for (let i = 0; i < indices.length; i++) data.set(row(m, indices[i] as number), i * m.dim);
  return { data, rows: indices.length, dim: m.dim };
}

/** Squared L2 norm of every row. */
export function squaredNorms(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows);
  const { data, dim } = m;
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    const o = i * dim;
    for (let k = 0; k < dim; k++) {
      const v = data[o + k] as number;
      s += v * v;
    }
    out[i] = s;
  }
  return out;
}

/**
 * Euclidean distances between rows [qStart, qEnd) of `a` and every row of `b`, written to `out`
 * ((qEnd − qStart) × b.rows). Uses ‖a‖² + ‖b‖² − 2a·b: inner products by the WebAssembly SIMD
 * kernel (see simd.ts), else on 4 × 2 register tiles in JS (~2 GFlop/s in V8).
 */
export function distanceBlock(
  a: Matrix,
  aNorms: Float64Array,
  qStart: number,
  qEnd: number,
  b: Matrix,
  bNorms: Float64Array,
  out: Float32Array,
): void {
  const dim = a.dim;
  if (b.dim !== dim) throw new RangeError(`dimension mismatch ${dim} vs ${b.dim}`);
  if (simdDots(a.data, qStart, qEnd, b.data, b.rows, dim, out)) {
    const m = b.rows;
    for (let q = qStart; q < qEnd; q++) {
      const r = (q - qStart) * m;
      const nq = aNorms[q] as number;
      for (let j = 0; j < m; j++)
        out[r + j] = Math.sqrt(Math.max(0, nq + (bNorms[j] as number) - 2 * (out[r + j] as number)));
    }
    return;
  }
  const A = a.data;
  const B = b.data;
  const m = b.rows;
  const mEven = m - (m % 2);
  let q = qStart;
  for (; q + 4 <= qEnd; q += 4) {
    const o0 = q * dim;
    const o1 = o0 + dim;
    const o2 = o1 + dim;
    const o3 = o2 + dim;
    const r0 = (q - qStart) * m;
    const n0 = aNorms[q] as number;
    const n1 = aNorms[q + 1] as number;
    const n2 = aNorms[q + 2] as number;
    const n3 = aNorms[q + 3] as number;
    for (let j = 0; j < mEven; j += 2) {
      const b0 = j * dim;
      const b1 = b0 + dim;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      let s20 = 0;
      let s21 = 0;
      let s30 = 0;
      let s31 = 0;
      for (let k = 0; k < dim; k++) {
        const x = B[b0 + k] as number;
        const y = B[b1 + k] as number;
        const a0 = A[o0 + k] as number;
        const a1 = A[o1 + k] as number;
        const a2 = A[o2 + k] as number;
        const a3 = A[o3 + k] as number;
        s00 += a0 * x;
        s01 += a0 * y;
        s10 += a1 * x;
        s11 += a1 * y;
        s20 += a2 * x;
        s21 += a2 * y;
        s30 += a3 * x;
        s31 += a3 * y;
      }
      const x2 = bNorms[j] as number;
      const y2 = bNorms[j + 1] as number;
      out[r0 + j] = Math.sqrt(Math.max(0, n0 + x2 - 2 * s00));
      out[r0 + j + 1] = Math.sqrt(Math.max(0, n0 + y2 - 2 * s01));
      out[r0 + m + j] = Math.sqrt(Math.max(0, n1 + x2 - 2 * s10));
      out[r0 + m + j + 1] = Math.sqrt(Math.max(0, n1 + y2 - 2 * s11));
      out[r0 + 2 * m + j] = Math.sqrt(Math.max(0, n2 + x2 - 2 * s20));
      out[r0 + 2 * m + j + 1] = Math.sqrt(Math.max(0, n2 + y2 - 2 * s21));
      out[r0 + 3 * m + j] = Math.sqrt(Math.max(0, n3 + x2 - 2 * s30));
      out[r0 + 3 * m + j + 1] = Math.sqrt(Math.max(0, n3 + y2 - 2 * s31));
    }
    for (let j = mEven; j < m; j++) {
      for (let t = 0; t < 4; t++) out[r0 + t * m + j] = pairDistance(A, q + t, B, j, dim, aNorms, bNorms);
    }
  }
  for (; q < qEnd; q++) {
    const r = (q - qStart) * m;
    for (let j = 0; j < m; j++) out[r + j] = pairDistance(A, q, B, j, dim, aNorms, bNorms);
  }
}

function pairDistance(
  A: Float32Array,
  i: number,
  B: Float32Array,
  j: number,
  dim: number,
  aNorms: Float64Array,
  bNorms: Float64Array,
): number {
  let s = 0;
  const oa = i * dim;
  const ob = j * dim;
  for (let k = 0; k < dim; k++) s += (A[oa + k] as number) * (B[ob + k] as number);
  return Math.sqrt(Math.max(0, (aNorms[i] as number) + (bNorms[j] as number) - 2 * s));
}

/** Full distance matrix a.rows × b.rows (use only when both are small). */
export function distances(a: Matrix, b: Matrix): Float32Array {
  const out = new Float32Array(a.rows * b.rows);
  distanceBlock(a, squaredNorms(a), 0, a.rows, b, squaredNorms(b), out);
  return out;
}

/** Euclidean distance of two vectors. */
export function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const d = (a[k] as number) - (b[k] as number);
    s += d * d;
  }
  return Math.sqrt(s);
}

/** Mean of the given rows. */
export function meanOfRows(m: Matrix, indices: ArrayLike<number>): Float32Array {
  const out = new Float64Array(m.dim);
  for (let i = 0; i < indices.length; i++) {
    const o = (indices[i] as number) * m.dim;
    for (let k = 0; k < m.dim; k++) out[k] = (out[k] as number) + (m.data[o + k] as number);
  }
  const n = Math.max(1, indices.length);
  return Float32Array.from(out, (v) => v / n);
}
