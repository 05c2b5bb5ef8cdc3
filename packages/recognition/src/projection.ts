import type { Matrix } from './matrix.js';
import { simdDots } from './simd.js';

/**
 * A learned linear metric: descriptors are compared as x·W (W is `inDim` × `outDim`, row-major),
 * so Euclidean distance on projected rows is the learned distance. Descriptors stay stored raw.
 */
export interface Projection {
  /** W, inDim × outDim row-major. */
  matrix: Float32Array;
  inDim: number;
  outDim: number;
}

/** The identity projection (the plain Euclidean metric). */
export function identityProjection(dim: number): Projection {
  const matrix = new Float32Array(dim * dim);
  for (let i = 0; i < dim; i++) matrix[i * dim + i] = 1;
  return { matrix, inDim: dim, outDim: dim };
}

/** Rows of `m` projected: m · W (through the SIMD kernel when there is one). */
export function project(m: Matrix, p: Projection): Matrix {
  if (m.dim !== p.inDim)
    throw new RangeError(`projection takes ${p.inDim} values, descriptors have ${m.dim}`);
  const { inDim, outDim } = p;
  const out = new Float32Array(m.rows * outDim);
  if (m.rows === 0) return { data: out, rows: 0, dim: outDim };
  // Columns of W as rows, so the kernel's row-by-row inner products are m · W.
  const wt = new Float32Array(outDim * inDim);
  for (let i = 0; i < inDim; i++)
    for (let j = 0; j < outDim; j++) wt[j * inDim + i] = p.matrix[i * outDim + j] as number;
  if (!simdDots(m.data, 0, m.rows, wt, outDim, inDim, out)) {
    for (let r = 0; r < m.rows; r++) {
      for (let j = 0; j < outDim; j++) {
        let s = 0;
        for (let k = 0; k < inDim; k++)
          s += (m.data[r * inDim + k] as number) * (wt[j * inDim + k] as number);
        out[r * outDim + j] = s;
      }
    }
  }
  return { data: out, rows: m.rows, dim: outDim };
}

/** JSON-safe form (W as base64 Float32 little-endian) for the settings table. */
export function projectionToJson(p: Projection): { inDim: number; outDim: number; matrix: string } {
  const bytes = Buffer.from(p.matrix.buffer, p.matrix.byteOffset, p.matrix.byteLength);
  return { inDim: p.inDim, outDim: p.outDim, matrix: bytes.toString('base64') };
}

export function projectionFromJson(json: { inDim: number; outDim: number; matrix: string }): Projection {
  const bytes = Buffer.from(json.matrix, 'base64');
  const matrix = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (matrix.length !== json.inDim * json.outDim)
    throw new RangeError('projection matrix has the wrong size');
  return { matrix, inDim: json.inDim, outDim: json.outDim };
}
