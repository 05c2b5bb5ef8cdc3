import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bcubed, namingScore, samePhotoConflicts } from './metrics.js';

test('bcubed is perfect when groups equal classes', () => {
  const r = bcubed(['a', 'a', 'b'], [1, 1, 2]);
  assert.deepEqual(r, { precision: 1, recall: 1, f: 1 });
});

test('bcubed on a hand-checked merge: one group holding a,a,b', () => {
  // precision: a→2/3, a→2/3, b→1/3 = 5/9; recall: all 1.
  const r = bcubed(['a', 'a', 'b'], [1, 1, 1]);
  assert.ok(Math.abs(r.precision - 5 / 9) < 1e-12);
  assert.equal(r.recall, 1);
  assert.ok(Math.abs(r.f - (2 * (5 / 9)) / (5 / 9 + 1)) < 1e-12);
});

test('bcubed treats null predictions as singletons', () => {
  // a,a split into singletons: recall 1/2 each for a, precision 1.
  const r = bcubed(['a', 'a'], [null, null]);
  assert.equal(r.precision, 1);
  assert.equal(r.recall, 0.5);
});

test('namingScore counts correct names over names given and over nameable faces', () => {
  const s = namingScore(['x', 'x', 'y', 'z'], ['x', null, 'x', null], [true, true, true, false]);
  assert.equal(s.named, 2);
  assert.equal(s.correct, 1);
  assert.equal(s.precision, 0.5);
  assert.ok(Math.abs(s.recall - 1 / 3) < 1e-12);
});

test('samePhotoConflicts counts extra faces of one photo with one assignment', () => {
  assert.equal(samePhotoConflicts(['p1', 'p1', 'p1', 'p2'], [5, 5, 5, 5]), 2);
  assert.equal(samePhotoConflicts(['p1', 'p1'], [null, null]), 0);
});
