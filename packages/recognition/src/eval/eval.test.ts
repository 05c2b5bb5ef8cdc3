import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { ours } from './methods.js';
import { loadEvalSets } from './run-eval.js';
import { scorePrediction } from './score.js';

// Real descriptors of the shared sets (computed once by @kindred/vision and cached; the first run takes minutes).
test('shipped defaults meet the targets on every shared scenario', {
  skip: skipWithoutTestData(),
  timeout: 1_800_000,
}, async () => {
  const { sets } = await loadEvalSets();
  for (const set of sets) {
    const s = scorePrediction(set, ours.run(set, ours.defaults));
    assert.equal(s.conflicts, 0, `${set.name}: same-photo conflicts`);
    assert.ok(s.precision >= 0.98, `${set.name}: precision ${s.precision}`);
    assert.ok(s.recall >= 0.85, `${set.name}: recall ${s.recall}`);
    assert.ok(s.bcubedF >= 0.9, `${set.name}: BCubed F ${s.bcubedF}`);
  }
});
