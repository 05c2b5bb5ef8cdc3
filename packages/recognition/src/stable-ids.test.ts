import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchGroupIds } from './stable-ids.js';

test('new groups keep the previous id they overlap most; new ones get null', () => {
  // faces 0-2 were cluster 7, faces 3-4 cluster 9; the new run groups {0,1,2,3} as 100, {4} as 101, {5} as 102.
  const map = matchGroupIds([7, 7, 7, 9, 9, -1], [100, 100, 100, 100, 101, 102]);
  assert.equal(map.get(100), 7);
  assert.equal(map.get(101), 9);
  assert.equal(map.get(102), null);
});

test('a previous id is given to only one new group', () => {
  const map = matchGroupIds([3, 3, 3, 3], [1, 1, 2, 2]);
  assert.deepEqual([map.get(1), map.get(2)].filter((v) => v === 3).length, 1);
});
