import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toMatrix } from './matrix.js';
import { nameFaces } from './naming.js';

// Two people on a line: person 1 at x=0, person 2 at x=1 (2-D vectors keep distances hand-checkable).
const people = {
  vectors: toMatrix([
    [0, 0],
    [1, 0],
  ]),
  owners: Int32Array.from([1, 2]),
};
const options = { threshold: 0.4, margin: 0.2 };

test('a face within the threshold and clear of the second person is named', () => {
  const r = nameFaces(toMatrix([[0.1, 0]]), people, { photoOf: ['a'] }, options);
  assert.equal(r.person[0], 1);
  assert.ok(Math.abs((r.distance[0] as number) - 0.1) < 1e-6);
});

test('a face beyond the threshold stays unnamed', () => {
  const r = nameFaces(toMatrix([[0, 0.45]]), people, { photoOf: ['a'] }, options);
  assert.equal(r.person[0], -1);
});

test('a face inside the threshold but without the margin stays unnamed', () => {
  // At x=0.42: d1 = 0.42 ≤ 0.45 but d2 − d1 = 0.58 − 0.42 = 0.16 < 0.2. At x=0.38: 0.62 − 0.38 = 0.24.
  const r = nameFaces(toMatrix([[0.42, 0]]), people, { photoOf: ['a'] }, { threshold: 0.45, margin: 0.2 });
  assert.equal(r.person[0], -1);
  const ok = nameFaces(toMatrix([[0.38, 0]]), people, { photoOf: ['a'] }, { threshold: 0.45, margin: 0.2 });
  assert.equal(ok.person[0], 1);
});

test('a rejected person is never suggested, and the face may go to the next person only on its own merit', () => {
  const rejected = new Map([[0, new Set([1])]]);
  const near1 = nameFaces(toMatrix([[0.1, 0]]), people, { photoOf: ['a'], rejected }, options);
  assert.equal(near1.person[0], -1); // person 2 is 0.9 away: beyond the threshold
  const r = nameFaces(
    toMatrix([[0.7, 0]]),
    people,
    { photoOf: ['a'], rejected: new Map([[0, new Set([2])]]) },
    options,
  );
  assert.equal(r.person[0], -1); // 0.7 from person 1
});

test('two faces of one photo never get the same person: the nearer keeps it', () => {
  const r = nameFaces(
    toMatrix([
      [0.2, 0],
      [0.05, 0],
    ]),
    people,
    { photoOf: ['p', 'p'] },
    options,
  );
  assert.equal(r.person[1], 1);
  assert.equal(r.person[0], -1);
});

test('a photo that already has the person (confirmed face) gives no second face that name', () => {
  const r = nameFaces(
    toMatrix([[0.05, 0]]),
    people,
    { photoOf: ['p'], peopleInPhoto: new Map([['p', new Set([1])]]) },
    options,
  );
  assert.equal(r.person[0], -1);
});
