import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averageLinkage } from './linkage.js';

function matrix(rows: number[][]): Float32Array {
  return Float32Array.from(rows.flat());
}

test('average linkage merges close points and stops at the cut', () => {
  const D = matrix([
    [0, 0.1, 0.9, 1.0],
    [0.1, 0, 0.95, 0.9],
    [0.9, 0.95, 0, 0.2],
    [1.0, 0.9, 0.2, 0],
  ]);
  const labels = averageLinkage({ distances: D, m: 4 }, 0.5);
  assert.equal(labels[0], labels[1]);
  assert.equal(labels[2], labels[3]);
  assert.notEqual(labels[0], labels[2]);
});

test('cannot-link (Infinity) keeps two faces of one photo apart even through a third face', () => {
  // 0 and 1 are in one photo; 2 is close to both. Average linkage may join 2 to one of them only.
  const D = matrix([
    [0, Infinity, 0.1],
    [Infinity, 0, 0.12],
    [0.1, 0.12, 0],
  ]);
  const labels = averageLinkage({ distances: D, m: 3 }, 0.5);
  assert.notEqual(labels[0], labels[1]);
  assert.equal(labels[0], labels[2]);
});

test('average linkage uses the mean distance between groups', () => {
  // {0,1} vs 2: mean of 0.3 and 0.7 = 0.5 → merged at cut 0.55, not at cut 0.45.
  const rows = [
    [0, 0.05, 0.3],
    [0.05, 0, 0.7],
    [0.3, 0.7, 0],
  ];
  assert.equal(new Set(averageLinkage({ distances: matrix(rows), m: 3 }, 0.55)).size, 1);
  assert.equal(new Set(averageLinkage({ distances: matrix(rows), m: 3 }, 0.45)).size, 2);
});
