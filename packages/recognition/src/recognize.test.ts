import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULTS } from './defaults.js';
import { selectRows } from './matrix.js';
import { bcubed, samePhotoConflicts } from './metrics.js';
import { buildPrototypes } from './prototypes.js';
import { recognizeFaces } from './recognize.js';
import { matchGroupIds } from './stable-ids.js';
import { syntheticFaces } from './synthetic.js';

// 30 identities × 12 faces. Identities 0-19 have their first 4 faces confirmed; 20-29 are never named.
const set = syntheticFaces({ identities: 30, facesPerIdentity: 12, seed: 7 });
const confirmedIdx: number[] = [];
const pendingIdx: number[] = [];
for (let i = 0; i < set.identity.length; i++) {
  ((set.identity[i] as number) < 20 && i % 12 < 4 ? confirmedIdx : pendingIdx).push(i);
}
const people = buildPrototypes(
  selectRows(set.descriptors, confirmedIdx),
  confirmedIdx.map((i) => (set.identity[i] as number) + 1000),
  DEFAULTS.prototypes,
);
const photoOf = pendingIdx.map((i) => `photo-${i}`);
const truth = pendingIdx.map((i) => String(set.identity[i]));

test('known faces are named, unknown faces grouped (synthetic)', () => {
  const r = recognizeFaces({
    people,
    groups: [],
    faces: selectRows(set.descriptors, pendingIdx),
    photoOf,
    firstNewGroupKey: 1,
  });
  let named = 0;
  let wrong = 0;
  pendingIdx.forEach((f, q) => {
    const p = r.person[q] as number;
    if (p >= 0) {
      named++;
      if (p !== (set.identity[f] as number) + 1000) wrong++;
    }
  });
  assert.equal(wrong, 0);
  assert.ok(named >= 150, `named ${named} of 160 nameable`);
  const unknown = pendingIdx.map((f, q) => ({ f, q })).filter(({ f }) => (set.identity[f] as number) >= 20);
  const score = bcubed(
    unknown.map(({ f }) => String(set.identity[f])),
    unknown.map(({ q }) => r.group[q] as number),
  );
  assert.ok(score.f > 0.95, `BCubed F ${score.f}`);
  assert.equal(
    samePhotoConflicts(
      photoOf,
      truth.map((_, q) => r.group[q] as number),
    ),
    0,
  );
});

test('incremental runs (new faces joining earlier groups) agree with one full run', () => {
  const faces = selectRows(set.descriptors, pendingIdx);
  const full = recognizeFaces({ people, groups: [], faces, photoOf, firstNewGroupKey: 1 });
  // First half, then the second half against the groups of the first.
  const half = Math.floor(pendingIdx.length / 2);
  const order = pendingIdx.map((_, q) => q).sort((a, b) => (a % 2) - (b % 2) || a - b);
  const first = order.slice(0, half);
  const second = order.slice(half);
  const r1 = recognizeFaces({
    people,
    groups: [],
    faces: selectRows(faces, first),
    photoOf: first.map((q) => photoOf[q] as string),
    firstNewGroupKey: 1,
  });
  const next = Math.max(...r1.groups.keys()) + 1;
  const r2 = recognizeFaces({
    people,
    groups: [...r1.groups.values()],
    faces: selectRows(faces, second),
    photoOf: second.map((q) => photoOf[q] as string),
    firstNewGroupKey: next,
  });
  const incPerson = new Int32Array(pendingIdx.length);
  const incGroup = new Int32Array(pendingIdx.length);
  first.forEach((q, i) => {
    incPerson[q] = r1.person[i] as number;
    incGroup[q] = r1.group[i] as number;
  });
  second.forEach((q, i) => {
    incPerson[q] = r2.person[i] as number;
    incGroup[q] = r2.group[i] as number;
  });
  assert.deepEqual([...incPerson], [...full.person]);
  // Groupings agree up to renaming: BCubed of one against the other is (near) perfect.
  const agree = bcubed([...full.group].map(String), [...incGroup]);
  assert.ok(agree.f > 0.97, `incremental vs full BCubed F ${agree.f}`);
});

test('re-running on the same faces keeps group ids through matchGroupIds', () => {
  const faces = selectRows(set.descriptors, pendingIdx);
  const a = recognizeFaces({ people, groups: [], faces, photoOf, firstNewGroupKey: 1 });
  const b = recognizeFaces({ people, groups: [], faces, photoOf, firstNewGroupKey: 500 });
  const ids = matchGroupIds(a.group, b.group);
  const renamed = [...b.group].map((k) => (k < 0 ? -1 : (ids.get(k) ?? -2)));
  assert.deepEqual(renamed, [...a.group]);
});
