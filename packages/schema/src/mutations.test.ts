import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { apiClient, type Loose } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

const skip = skipWithoutTestData();

describe('mutations', { skip }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  const described: { path: string; box: unknown }[] = [];
  beforeEach(() => {
    fixture?.cleanup();
    fixture = buildApiFixture();
    described.length = 0;
    api = apiClient(fixture, {
      describeBox: async (path, box) => {
        described.push({ path, box });
        return { descriptor: Array.from({ length: 128 }, (_, i) => i / 128), landmarks: [0.5, 0.5] };
      },
    });
  });
  after(() => fixture.cleanup());

  const row = (sql: string, ...params: unknown[]) =>
    fixture.db.$client.prepare(sql).get(...params) as Record<string, Loose>;
  const rows = (sql: string, ...params: unknown[]) =>
    fixture.db.$client.prepare(sql).all(...params) as Record<string, Loose>[];
  const lastEdit = (): Record<string, Loose> => {
    const edit = row('select * from edits order by id desc limit 1');
    return { ...edit, payload: JSON.parse(edit.payload) };
  };
  const person = (name: string) => fixture.personIdByName.get(name) as number;
  const faceOf = (personId: number, state: string) =>
    row(
      'select id, photo_hash from faces where person_id = ? and state = ? order by id limit 1',
      personId,
      state,
    ) as { id: number; photo_hash: string };

  test('namePerson names a cluster: a new person with its faces confirmed, recorded as an edit', async () => {
    const clusterId = fixture.clusterIdByIdentity.get('Tom Ridge') as number;
    const open = rows(`select id from faces where cluster_id = ? and state <> 'confirmed'`, clusterId).map(
      (f) => f.id,
    );
    const result = await api.data(
      `mutation($c: ID) { namePerson(clusterId: $c, name: "  Tom   Ridge ") {
      __typename ... on PersonPayload { person { name faceCount } editId merged } } }`,
      { c: String(clusterId) },
    );
    assert.deepEqual(result.namePerson.person, { name: 'Tom Ridge', faceCount: open.length });
    const states = rows(`select state, edited_by_user from faces where id in (${open.join(',')})`);
    assert.ok(states.every((f) => f.state === 'confirmed' && f.edited_by_user === 1));
    assert.equal(lastEdit().action, 'namePerson');
    assert.deepEqual(
      lastEdit()
        .payload.faces.map((f: { id: number }) => f.id)
        .sort(),
      [...open].sort(),
    );
  });

  test('namePerson renames; an existing name needs confirmMerge, then merges and can be undone', async () => {
    const madonna = person('Madonna');
    const elton = person('Elton John');
    const renamed = await api.data(
      `mutation($p: ID) { namePerson(personId: $p, name: "Madonna Ciccone") { ... on PersonPayload { person { name } } } }`,
      {
        p: String(madonna),
      },
    );
    assert.equal(renamed.namePerson.person.name, 'Madonna Ciccone');
    const taken = await api.data(
      `mutation($p: ID) { namePerson(personId: $p, name: "Elton John") { __typename ... on NameTakenError { existingPersonId message } } }`,
      {
        p: String(madonna),
      },
    );
    assert.equal(taken.namePerson.__typename, 'NameTakenError');
    assert.equal(taken.namePerson.existingPersonId, elton);
    const before = row(`select count(*) as n from faces where person_id = ?`, elton).n;
    const moving = row(
      `select count(*) as n from faces where person_id = ? and state = 'confirmed'`,
      madonna,
    ).n;
    const merged = await api.data(
      `mutation($p: ID) { namePerson(personId: $p, name: "Elton John", confirmMerge: true) {
      ... on PersonPayload { merged undoToken person { personId faceCount } } } }`,
      { p: String(madonna) },
    );
    assert.equal(merged.namePerson.merged, true);
    assert.equal(merged.namePerson.person.personId, elton);
    assert.ok(row(`select count(*) as n from faces where person_id = ?`, elton).n > before);
    assert.equal(
      merged.namePerson.person.faceCount,
      row(`select count(*) as n from faces where person_id = ? and state = 'confirmed'`, elton).n,
    );
    const undone = await api.data(
      `mutation($t: String!) { undoMerge(undoToken: $t) { ... on UndoMergePayload { person { name faceCount } other { name } } } }`,
      {
        t: merged.namePerson.undoToken,
      },
    );
    assert.deepEqual(undone.undoMerge.person, { name: 'Madonna Ciccone', faceCount: moving });
    assert.equal(row(`select count(*) as n from faces where person_id = ?`, elton).n, before);
    const twice = await api.data(
      `mutation($t: String!) { undoMerge(undoToken: $t) { __typename ... on UserError { message } } }`,
      {
        t: merged.namePerson.undoToken,
      },
    );
    assert.equal(twice.undoMerge.__typename, 'UndoError');
  });

  test('mergePeople refuses a photo with both people confirmed; merged person resolves to the survivor', async () => {
    const obama = person('Barack Obama');
    const biden = person('Joe Biden');
    const conflict = await api.data(
      `mutation($a: ID!, $b: ID!) { mergePeople(fromPersonId: $a, intoPersonId: $b) {
      __typename ... on SamePhotoConflictError { photoHash faceIds personId } } }`,
      { a: String(biden), b: String(obama) },
    );
    assert.equal(conflict.mergePeople.__typename, 'SamePhotoConflictError');
    assert.equal(conflict.mergePeople.faceIds.length, 2);
    const jerry = person('Jerry Seinfeld');
    const ben = person('Ben Affleck');
    const editsBefore = row('select count(*) as n from edits').n;
    const merged = await api.data(
      `mutation($a: ID!, $b: ID!) { mergePeople(fromPersonId: $a, intoPersonId: $b) { ... on PersonPayload { undoToken person { name } } } }`,
      {
        a: String(jerry),
        b: String(ben),
      },
    );
    assert.equal(merged.mergePeople.person.name, 'Ben Affleck');
    assert.equal(row('select count(*) as n from edits').n, editsBefore + 1);
    const lookup = await api.data(`query($id: ID!) { person(id: $id) { personId } }`, { id: String(jerry) });
    assert.equal(lookup.person.personId, ben);
    const list = await api.data(`{ people(first: 200) { nodes { personId } } }`);
    assert.ok(!list.people.nodes.some((p: { personId: number }) => p.personId === jerry));
  });

  test('assignFace: to a person, to a new name, same-photo conflict, and a taken new name', async () => {
    const obama = person('Barack Obama');
    const biden = person('Joe Biden');
    const free = row(
      `select id from faces where state = 'unassigned' and cluster_id is null order by id limit 1`,
    ).id;
    const assigned = await api.data(
      `mutation($f: ID!, $p: ID) { assignFace(faceId: $f, personId: $p) { ... on FacePayload { face { state editedByUser person { name } } } } }`,
      {
        f: String(free),
        p: String(obama),
      },
    );
    assert.deepEqual(assigned.assignFace.face, {
      state: 'CONFIRMED',
      editedByUser: true,
      person: { name: 'Barack Obama' },
    });
    const group = fixture.hashByRelativePath.get('face_recognition/groups/two_people.jpg');
    const bidenFace = row(`select id from faces where photo_hash = ? and person_id = ?`, group, biden).id;
    const conflict = await api.data(
      `mutation($f: ID!, $p: ID) { assignFace(faceId: $f, personId: $p) { __typename } }`,
      {
        f: String(bidenFace),
        p: String(obama),
      },
    );
    assert.equal(conflict.assignFace.__typename, 'SamePhotoConflictError');
    assert.equal(row('select person_id from faces where id = ?', bidenFace).person_id, biden);
    const other = row(`select id from faces where state = 'unassigned' order by id desc limit 1`).id;
    const created = await api.data(
      `mutation($f: ID!) { assignFace(faceId: $f, newName: "Grandma") { ... on FacePayload { face { person { name faceCount } } } } }`,
      {
        f: String(other),
      },
    );
    assert.deepEqual(created.assignFace.face.person, { name: 'Grandma', faceCount: 1 });
    const taken = await api.data(
      `mutation($f: ID!) { assignFace(faceId: $f, newName: "Grandma") { __typename } }`,
      { f: String(free) },
    );
    assert.equal(taken.assignFace.__typename, 'NameTakenError');
    const neither = await api.data(
      `mutation($f: ID!) { assignFace(faceId: $f) { __typename ... on UserError { message } } }`,
      { f: String(free) },
    );
    assert.equal(neither.assignFace.__typename, 'InvalidInputError');
  });

  test('confirmSuggestions, rejectSuggestion (remembered), removeFaceFromPerson; confirmed faces do not move implicitly', async () => {
    const kit = person('Kit Harington');
    const suggested = rows(`select id from faces where person_id = ? and state = 'suggested'`, kit).map((f) =>
      String(f.id),
    );
    assert.ok(suggested.length >= 2);
    const confirmed = await api.data(
      `mutation($ids: [ID!]!) { confirmSuggestions(faceIds: $ids) { ... on FacesPayload { faces { state } } } }`,
      {
        ids: suggested.slice(0, 1),
      },
    );
    assert.deepEqual(confirmed.confirmSuggestions.faces, [{ state: 'CONFIRMED' }]);
    const again = await api.data(
      `mutation($ids: [ID!]!) { confirmSuggestions(faceIds: $ids) { __typename ... on ConfirmedFaceError { faceId } } }`,
      {
        ids: suggested.slice(0, 1),
      },
    );
    assert.equal(again.confirmSuggestions.__typename, 'ConfirmedFaceError');
    const rejected = await api.data(
      `mutation($f: ID!) { rejectSuggestion(faceId: $f) { ... on FacePayload { face { state person { name } } } } }`,
      {
        f: suggested[1],
      },
    );
    assert.deepEqual(rejected.rejectSuggestion.face, { state: 'UNASSIGNED', person: null });
    assert.equal(
      row('select person_id from face_rejections where face_id = ?', Number(suggested[1])).person_id,
      kit,
    );
    const onConfirmed = await api.data(`mutation($f: ID!) { rejectSuggestion(faceId: $f) { __typename } }`, {
      f: suggested[0],
    });
    assert.equal(onConfirmed.rejectSuggestion.__typename, 'ConfirmedFaceError');
    const removed = await api.data(
      `mutation($f: ID!) { removeFaceFromPerson(faceId: $f) { ... on FacePayload { face { state } } } }`,
      { f: suggested[0] },
    );
    assert.equal(removed.removeFaceFromPerson.face.state, 'UNASSIGNED');
    assert.equal(lastEdit().action, 'removeFaceFromPerson');
    assert.equal(lastEdit().payload.faces[0].state, 'confirmed');
  });

  test('hidePerson/unhidePerson, setCoverFace (own confirmed faces only)', async () => {
    const mindy = person('Mindy Kaling');
    const hidden = await api.data(
      `mutation($p: ID!) { hidePerson(personId: $p) { ... on PersonPayload { person { hidden } } } }`,
      { p: String(mindy) },
    );
    assert.equal(hidden.hidePerson.person.hidden, true);
    const list = await api.data(`{ people(filter: { hidden: true }) { nodes { personId } } }`);
    assert.deepEqual(list.people.nodes, [{ personId: mindy }]);
    await api.data(`mutation($p: ID!) { unhidePerson(personId: $p) { __typename } }`, { p: String(mindy) });
    assert.equal(row('select hidden from people where id = ?', mindy).hidden, 0);
    const face = faceOf(mindy, 'confirmed');
    const lastFace = row(
      `select max(id) as id from faces where person_id = ? and state = 'confirmed'`,
      mindy,
    ).id;
    const cover = await api.data(
      `mutation($p: ID!, $f: ID!) { setCoverFace(personId: $p, faceId: $f) { ... on PersonPayload { person { coverFace { faceId } } } } }`,
      {
        p: String(mindy),
        f: String(lastFace),
      },
    );
    assert.equal(cover.setCoverFace.person.coverFace.faceId, lastFace);
    assert.notEqual(face.id, lastFace);
    const foreign = faceOf(person('Madonna'), 'confirmed');
    const refused = await api.data(
      `mutation($p: ID!, $f: ID!) { setCoverFace(personId: $p, faceId: $f) { __typename } }`,
      {
        p: String(mindy),
        f: String(foreign.id),
      },
    );
    assert.equal(refused.setCoverFace.__typename, 'InvalidInputError');
    const missing = await api.data(
      `{ }`.replace(
        '{ }',
        `mutation { hidePerson(personId: "99999") { __typename ... on NotFoundError { typename key } } }`,
      ),
    );
    assert.deepEqual(missing.hidePerson, { __typename: 'NotFoundError', typename: 'Person', key: '99999' });
  });

  test('addFace describes the box through describeBox; deleteFace keeps the row in the edit', async () => {
    const hash = fixture.hashByRelativePath.get('compreface/sample_images/017_0.jpg') as string;
    const added = await api.data(
      `mutation($p: ID!, $person: ID) { addFace(photoId: $p, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.3 }, personId: $person) {
      ... on FacePayload { face { faceId source state box { x w } person { name } } } } }`,
      { p: hash, person: String(person('Madonna')) },
    );
    const face = added.addFace.face;
    assert.deepEqual(
      { ...face, faceId: 0 },
      {
        faceId: 0,
        source: 'MANUAL',
        state: 'CONFIRMED',
        box: { x: 0.1, w: 0.2 },
        person: { name: 'Madonna' },
      },
    );
    assert.equal(described.length, 1);
    assert.ok(described[0]?.path.endsWith('017_0.jpg'));
    assert.equal(row('select length(descriptor) as n from faces where id = ?', face.faceId).n, 512);
    const outside = await api.data(
      `mutation($p: ID!) { addFace(photoId: $p, box: { x: 0.9, y: 0.1, w: 0.2, h: 0.3 }) { __typename } }`,
      { p: hash },
    );
    assert.equal(outside.addFace.__typename, 'InvalidInputError');
    const deleted = await api.data(
      `mutation($f: ID!) { deleteFace(faceId: $f) { ... on DeleteFacePayload { deletedFaceId photo { faces { faceId } } } } }`,
      {
        f: String(face.faceId),
      },
    );
    assert.equal(deleted.deleteFace.deletedFaceId, face.faceId);
    assert.deepEqual(deleted.deleteFace.photo.faces, []);
    assert.equal(lastEdit().payload.face.id, face.faceId);
    assert.equal(typeof lastEdit().payload.face.descriptor, 'string');
  });

  test('albums: create, add (idempotent), remove, rename; setStarred', async () => {
    const hashes = [...new Set(fixture.hashByRelativePath.values())].slice(10, 13);
    const created = await api.data(
      `mutation { createAlbum(name: "Grandma's 80th") { ... on AlbumPayload { album { id name source } } } }`,
    );
    const album = created.createAlbum.album;
    assert.deepEqual({ name: album.name, source: album.source }, { name: "Grandma's 80th", source: 'USER' });
    const addQuery = `mutation($a: ID!, $p: [ID!]!) { addToAlbum(albumId: $a, photoIds: $p) { ... on AlbumPayload { album { photoCount } } } }`;
    assert.equal((await api.data(addQuery, { a: album.id, p: hashes })).addToAlbum.album.photoCount, 3);
    assert.equal((await api.data(addQuery, { a: album.id, p: hashes })).addToAlbum.album.photoCount, 3);
    const missing = await api.data(
      `mutation($a: ID!) { addToAlbum(albumId: $a, photoIds: ["${'0'.repeat(64)}"]) { __typename } }`,
      { a: album.id },
    );
    assert.equal(missing.addToAlbum.__typename, 'NotFoundError');
    const removed = await api.data(
      `mutation($a: ID!, $p: [ID!]!) { removeFromAlbum(albumId: $a, photoIds: $p) { ... on AlbumPayload { album { photoCount } } } }`,
      {
        a: album.id,
        p: hashes.slice(0, 1),
      },
    );
    assert.equal(removed.removeFromAlbum.album.photoCount, 2);
    const renamed = await api.data(
      `mutation($a: ID!) { renameAlbum(albumId: $a, name: "Grandma at 80") { ... on AlbumPayload { album { name } } } }`,
      { a: album.id },
    );
    assert.equal(renamed.renameAlbum.album.name, 'Grandma at 80');
    const empty = await api.data(
      `mutation($a: ID!) { renameAlbum(albumId: $a, name: "   ") { __typename } }`,
      { a: album.id },
    );
    assert.equal(empty.renameAlbum.__typename, 'InvalidInputError');
    const starred = await api.data(
      `mutation($p: ID!) { setStarred(photoId: $p, starred: true) { ... on PhotoPayload { photo { starred } } } }`,
      { p: hashes[0] },
    );
    assert.equal(starred.setStarred.photo.starred, true);
    const actions = rows('select action from edits order by id').map((e) => e.action);
    assert.deepEqual(actions, [
      'createAlbum',
      'addToAlbum',
      'addToAlbum',
      'removeFromAlbum',
      'renameAlbum',
      'setStarred',
    ]);
  });
});
