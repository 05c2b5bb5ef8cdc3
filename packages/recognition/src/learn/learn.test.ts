import assert from 'node:assert/strict';
import { test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { loadEvalSets } from '../eval/run-eval.js';
import { selectRows } from '../matrix.js';
import { syntheticFaces } from '../synthetic.js';
import { TRAIN_DEFAULTS, trainProjection } from './train.js';
import { type LabelledFaces, validateLearning } from './validate.js';

const quick = { ...TRAIN_DEFAULTS, steps: 120 };
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const shuffledLabels = (labels: ArrayLike<number>) => {
  const out = Array.from(labels);
  for (let i = out.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [out[i], out[j]] = [out[j] as number, out[i] as number];
  }
  return out;
};

/** 40 people × 12 faces whose last 64 of 128 dimensions carry no identity. */
function noisy(): LabelledFaces {
  const s = syntheticFaces({ identities: 40, facesPerIdentity: 12, seed: 5, uninformativeDims: 64 });
  return { descriptors: s.descriptors, person: s.identity, photo: Array.from(s.identity, (_, i) => `p${i}`) };
}

/** The labelled faces of a shared set, as if the family had confirmed them all. */
async function shared(name: string): Promise<LabelledFaces> {
  const set = (await loadEvalSets()).sets.find((s) => s.name === name);
  assert.ok(set, name);
  const rows = set.identity.map((_, i) => i).filter((i) => !(set.identity[i] as string).startsWith('?'));
  const names = [...new Set(rows.map((i) => set.identity[i] as string))];
  return {
    descriptors: selectRows(set.descriptors, rows),
    person: rows.map((i) => names.indexOf(set.identity[i] as string)),
    photo: rows.map((i) => set.photo[i] as string),
  };
}

test('the triplet loss decreases on real faces, and a seed gives the same metric twice', {
  skip: skipWithoutTestData(),
  timeout: 600_000,
}, async () => {
  const data = await shared('picasa/library');
  const a = await trainProjection(data.descriptors, data.person, quick);
  assert.ok(
    mean(a.losses.slice(-20)) < 0.8 * mean(a.losses.slice(0, 20)),
    `loss ${mean(a.losses.slice(0, 20))} → ${mean(a.losses.slice(-20))}`,
  );
  const b = await trainProjection(data.descriptors, data.person, { ...quick, steps: 20 });
  const c = await trainProjection(data.descriptors, data.person, { ...quick, steps: 20 });
  assert.deepEqual(b.projection.matrix, c.projection.matrix);
});

test('the gate adopts a metric that helps on held-out folds and refuses one trained on shuffled labels', async () => {
  const data = noisy();
  const good = await validateLearning(data, { train: quick });
  assert.equal(good.adopt, true, good.reason);
  assert.ok(good.learned.recall > good.current.recall + 0.2, JSON.stringify(good.learned));
  const bad = await validateLearning(data, { train: quick, trainLabels: shuffledLabels(data.person) });
  assert.equal(bad.adopt, false, bad.reason);
});

test('on real faces a metric trained on shuffled labels is refused', {
  skip: skipWithoutTestData(),
  timeout: 600_000,
}, async () => {
  const data = await shared('picasa/library');
  const v = await validateLearning(data, { train: quick, trainLabels: shuffledLabels(data.person) });
  assert.equal(v.adopt, false, v.reason);
  assert.equal(v.folds.length, 6);
});
