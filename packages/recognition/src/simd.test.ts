import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distanceBlock, squaredNorms } from './matrix.js';
import { kernelName, simdDots } from './simd.js';
import { seededRandom } from './synthetic.js';

const random = seededRandom(7);
const matrix = (rows: number, dim: number) => ({
  data: Float32Array.from({ length: rows * dim }, () => random() - 0.5),
  rows,
  dim,
});

function direct(a: Float32Array, i: number, b: Float32Array, j: number, dim: number): number {
  let s = 0;
  for (let k = 0; k < dim; k++) {
    const d = (a[i * dim + k] as number) - (b[j * dim + k] as number);
    s += d * d;
  }
  return Math.sqrt(s);
}

test('the SIMD kernel is available on Node and agrees with direct distances (ragged sizes)', () => {
  assert.equal(kernelName(), 'wasm-simd');
  for (const [n, m] of [
    [7, 5],
    [130, 3],
    [1, 1],
    [64, 301],
  ] as const) {
    const a = matrix(n, 128);
    const b = matrix(m, 128);
    const out = new Float32Array((n - 1) * m);
    distanceBlock(a, squaredNorms(a), 1, n, b, squaredNorms(b), out);
    for (let i = 1; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const want = direct(a.data, i, b.data, j, 128);
        assert.ok(Math.abs((out[(i - 1) * m + j] as number) - want) < 1e-5, `${n}×${m} at ${i},${j}`);
      }
    }
  }
});

test('dimensions that are not a multiple of 4 fall back to the JS kernel', () => {
  const a = matrix(3, 6);
  const b = matrix(2, 6);
  assert.equal(simdDots(a.data, 0, 3, b.data, 2, 6, new Float32Array(6)), false);
  const out = new Float32Array(6);
  distanceBlock(a, squaredNorms(a), 0, 3, b, squaredNorms(b), out);
  assert.ok(Math.abs((out[5] as number) - direct(a.data, 2, b.data, 1, 6)) < 1e-6);
});
