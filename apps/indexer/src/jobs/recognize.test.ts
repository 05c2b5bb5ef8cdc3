import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type KindredDb, openDatabase, vectorToBlob } from '@kindred/db';
import { row, syntheticFaces } from '@kindred/recognition';
import { tempDir } from '@kindred/testing';
import { runRecognition } from './recognize.js';

// 8 identities × 10 faces (synthetic descriptors with face-api's distance scale), one face per photo
// except photo "group", which holds a face of identity 0 and a second face of identity 0 (a twin).
const set = syntheticFaces({ identities: 8, facesPerIdentity: 10, seed: 11 });
let dir: { path: string; cleanup: () => void };
let db: KindredDb;

type FaceState = {
  id: number;
  personId: number | null;
  state: string;
  clusterId: number | null;
  photoHash: string;
};
const facesNow = () =>
  db.$client
    .prepare(
      'SELECT id, person_id AS personId, state, cluster_id AS clusterId, photo_hash AS photoHash FROM faces ORDER BY id',
    )
    .all() as FaceState[];

function addPhoto(hash: string) {
  db.$client.prepare(`INSERT INTO contents (hash, size, kind) VALUES (?, 1, 'image')`).run(hash);
  db.$client.prepare('INSERT INTO photos (hash) VALUES (?)').run(hash);
}

function addFace(photo: string, i: number, person: number | null = null): number {
  const state = person === null ? 'unassigned' : 'confirmed';
  const r = db.$client
    .prepare(
      `INSERT INTO faces (photo_hash, x, y, w, h, descriptor, source, person_id, state) VALUES (?, 0.1, 0.1, 0.2, 0.2, ?, 'detected', ?, ?)`,
    )
    .run(photo, vectorToBlob(row(set.descriptors, i)), person, state);
  return Number(r.lastInsertRowid);
}

/** Identity of face row id (faces were inserted in a known order). */
const identityOfFace = new Map<number, number>();

before(() => {
  dir = tempDir('kindred-recognize-');
  db = openDatabase(`${dir.path}/k.db`);
  // People 1..4 = identities 0..3, each with 3 confirmed faces; identities 4..7 are never named.
  for (let p = 1; p <= 4; p++)
    db.$client.prepare('INSERT INTO people (id, name) VALUES (?, ?)').run(p, `Person ${p}`);
  for (let i = 0; i < 70; i++) {
    const identity = set.identity[i] as number;
    addPhoto(`photo-${i}`);
    const confirmed = identity < 4 && i % 10 < 3 ? identity + 1 : null;
    identityOfFace.set(addFace(`photo-${i}`, i, confirmed), identity);
  }
  addPhoto('group');
  identityOfFace.set(addFace('group', 75), 7);
  identityOfFace.set(addFace('group', 76), 7);
});

after(() => {
  db.$client.close();
  dir.cleanup();
});

test('the DB step names known faces, groups unknown ones, and leaves confirmed faces alone', () => {
  const confirmedBefore = facesNow().filter((f) => f.state === 'confirmed');
  const report = runRecognition(db);
  assert.equal(report.status, 'done');
  const now = facesNow();
  assert.deepEqual(
    now.filter((f) => f.state === 'confirmed'),
    confirmedBefore,
  );
  const suggested = now.filter((f) => f.state === 'suggested');
  assert.ok(suggested.length >= 25, `suggested ${suggested.length} of 28`);
  for (const f of suggested) assert.equal(f.personId, (identityOfFace.get(f.id) as number) + 1);
  const unknown = now.filter((f) => (identityOfFace.get(f.id) as number) >= 4);
  assert.ok(unknown.every((f) => f.clusterId !== null && f.state === 'unassigned'));
  const clustersOf = (identity: number) =>
    new Set(unknown.filter((f) => identityOfFace.get(f.id) === identity).map((f) => f.clusterId));
  for (const identity of [4, 5, 6])
    assert.equal(clustersOf(identity).size, 1, `identity ${identity} in one group`);
});

test('two faces of one photo never share a group or a person', () => {
  const group = facesNow().filter((f) => f.photoHash === 'group');
  assert.equal(group.length, 2);
  assert.notEqual(group[0]?.clusterId, group[1]?.clusterId);
});

test('a second incremental run with nothing new does nothing', () => {
  const before = facesNow();
  assert.equal(runRecognition(db).status, 'skipped');
  assert.deepEqual(facesNow(), before);
});

test('group ids survive a full re-run and new faces join existing groups', () => {
  const before = facesNow();
  runRecognition(db, { full: true });
  const afterFull = facesNow();
  assert.deepEqual(
    afterFull.map((f) => [f.id, f.clusterId, f.personId, f.state]),
    before.map((f) => [f.id, f.clusterId, f.personId, f.state]),
  );
  const target = afterFull.find((f) => identityOfFace.get(f.id) === 5)?.clusterId;
  addPhoto('late');
  const late = addFace('late', 79); // identity 7
  const late5 = (() => {
    addPhoto('late5');
    return addFace('late5', 59); // identity 5, a face already in the library: lands in its group
  })();
  const report = runRecognition(db);
  assert.equal(report.faces, 2);
  const now = facesNow();
  assert.equal(now.find((f) => f.id === late5)?.clusterId, target);
  // Identity 7 so far is only the two faces of photo "group" (two groups): the late face joins one of them.
  const group7 = now.filter((f) => f.photoHash === 'group').map((f) => f.clusterId);
  assert.ok(group7.includes(now.find((f) => f.id === late)?.clusterId ?? null));
});

test('a rejected person is never suggested again, even by a full re-run', () => {
  const target = facesNow().find((f) => f.state === 'suggested') as FaceState;
  db.$client
    .prepare('INSERT INTO face_rejections (face_id, person_id) VALUES (?, ?)')
    .run(target.id, target.personId);
  db.$client.prepare(`UPDATE faces SET state = 'unassigned', person_id = NULL WHERE id = ?`).run(target.id);
  runRecognition(db, { full: true });
  const now = facesNow().find((f) => f.id === target.id) as FaceState;
  assert.notEqual(now.personId, target.personId);
});

test('confirming faces rebuilds that person and re-checks grouped faces for a name', () => {
  const unknown5 = facesNow().filter((f) => identityOfFace.get(f.id) === 5);
  db.$client.prepare('INSERT INTO people (id, name) VALUES (9, ?)').run('Named later');
  for (const f of unknown5.slice(0, 3)) {
    db.$client
      .prepare(`UPDATE faces SET person_id = 9, state = 'confirmed', cluster_id = NULL WHERE id = ?`)
      .run(f.id);
  }
  const groupedElsewhere = facesNow().filter(
    (f) => f.clusterId !== null && f.state === 'unassigned' && identityOfFace.get(f.id) !== 5,
  ).length;
  const report = runRecognition(db);
  assert.equal(report.peopleRebuilt, 1);
  // Only the groups near the changed person are re-read, not every grouped face of the library.
  assert.ok(
    report.faces < groupedElsewhere,
    `looked at ${report.faces} faces (${groupedElsewhere} grouped elsewhere)`,
  );
  const rest = facesNow().filter((f) => identityOfFace.get(f.id) === 5 && f.state !== 'confirmed');
  assert.ok(rest.length > 0 && rest.every((f) => f.state === 'suggested' && f.personId === 9));
});
