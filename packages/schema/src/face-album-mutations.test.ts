import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { mutationEnv } from './test-mutation-env.js';

const skip = skipWithoutTestData();

describe('face and album mutations', { skip }, () => {
  const env = mutationEnv();

  test('assignFace: to a person, to a new name, same-photo conflict, and a taken new name', async () => {
    const obama = env.person('Barack Obama');
    const biden = env.person('Joe Biden');
    const free = env.row(
      `select id from faces where state = 'unassigned' and cluster_id is null order by id limit 1`,
    ).id;
    const assigned = await env.api.data(
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
    const group = env.fixture.hashByRelativePath.get('face_recognition/groups/two_people.jpg');
    const bidenFace = env.row(`select id from faces where photo_hash = ? and person_id = ?`, group, biden).id;
    const conflict = await env.api.data(
      `mutation($f: ID!, $p: ID) { assignFace(faceId: $f, personId: $p) { __typename } }`,
      {
        f: String(bidenFace),
        p: String(obama),
      },
    );
    assert.equal(conflict.assignFace.__typename, 'SamePhotoConflictError');
    assert.equal(env.row('select person_id from faces where id = ?', bidenFace).person_id, biden);
    const other = env.row(`select id from faces where state = 'unassigned' order by id desc limit 1`).id;
    const created = await env.api.data(
      `mutation($f: ID!) { assignFace(faceId: $f, newName: "Grandma") { ... on FacePayload { face { person { name faceCount } } } } }`,
      {
        f: String(other),
      },
    );
    assert.deepEqual(created.assignFace.face.person, { name: 'Grandma', faceCount: 1 });
    const taken = await env.api.data(
      `mutation($f: ID!) { assignFace(faceId: $f, newName: "Grandma") { __typename } }`,
      { f: String(free) },
    );
    assert.equal(taken.assignFace.__typename, 'NameTakenError');
    const neither = await env.api.data(
      `mutation($f: ID!) { assignFace(faceId: $f) { __typename ... on UserError { message } } }`,
      { f: String(free) },
    );
    assert.equal(neither.assignFace.__typename, 'InvalidInputError');
  });

  test('confirmSuggestions, rejectSuggestion (remembered), removeFaceFromPerson; confirmed faces do not move implicitly', async () => {
    const kit = env.person('Kit Harington');
    const suggested = env
      .rows(`select id from faces where person_id = ? and state = 'suggested'`, kit)
      .map((f) => String(f.id));
    assert.ok(suggested.length >= 2);
    const confirmed = await env.api.data(
      `mutation($ids: [ID!]!) { confirmSuggestions(faceIds: $ids) { ... on FacesPayload { faces { state } } } }`,
      {
        ids: suggested.slice(0, 1),
      },
    );
    assert.deepEqual(confirmed.confirmSuggestions.faces, [{ state: 'CONFIRMED' }]);
    const again = await env.api.data(
      `mutation($ids: [ID!]!) { confirmSuggestions(faceIds: $ids) { __typename ... on ConfirmedFaceError { faceId } } }`,
      {
        ids: suggested.slice(0, 1),
      },
    );
    assert.equal(again.confirmSuggestions.__typename, 'ConfirmedFaceError');
    const rejected = await env.api.data(
      `mutation($f: ID!) { rejectSuggestion(faceId: $f) { ... on FacePayload { face { state person { name } } } } }`,
      {
        f: suggested[1],
      },
    );
    assert.deepEqual(rejected.rejectSuggestion.face, { state: 'UNASSIGNED', person: null });
    assert.equal(
      env.row('select person_id from face_rejections where face_id = ?', Number(suggested[1])).person_id,
      kit,
    );
    const onConfirmed = await env.api.data(
      `mutation($f: ID!) { rejectSuggestion(faceId: $f) { __typename } }`,
      {
        f: suggested[0],
      },
    );
    assert.equal(onConfirmed.rejectSuggestion.__typename, 'ConfirmedFaceError');
    const removed = await env.api.data(
      `mutation($f: ID!) { removeFaceFromPerson(faceId: $f) { ... on FacePayload { face { state } } } }`,
      { f: suggested[0] },
    );
    assert.equal(removed.removeFaceFromPerson.face.state, 'UNASSIGNED');
    assert.equal(env.lastEdit().action, 'removeFaceFromPerson');
    assert.equal(env.lastEdit().payload.faces[0].state, 'confirmed');
  });

  test('addFace describes the box through describeBox; deleteFace keeps the row in the edit', async () => {
    const hash = env.fixture.hashByRelativePath.get('compreface/sample_images/017_0.jpg') as string;
    const added = await env.api.data(
      `mutation($p: ID!, $person: ID) { addFace(photoId: $p, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.3 }, personId: $person) {
      ... on FacePayload { face { faceId source state box { x w } person { name } } } } }`,
      { p: hash, person: String(env.person('Madonna')) },
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
    assert.equal(env.described.length, 1);
    assert.ok(env.described[0]?.path.endsWith('017_0.jpg'));
    assert.equal(env.row('select length(descriptor) as n from faces where id = ?', face.faceId).n, 512);
    const outside = await env.api.data(
      `mutation($p: ID!) { addFace(photoId: $p, box: { x: 0.9, y: 0.1, w: 0.2, h: 0.3 }) { __typename } }`,
      { p: hash },
    );
    assert.equal(outside.addFace.__typename, 'InvalidInputError');
    const deleted = await env.api.data(
      `mutation($f: ID!) { deleteFace(faceId: $f) { ... on DeleteFacePayload { deletedFaceId photo { faces { faceId } } } } }`,
      {
        f: String(face.faceId),
      },
    );
    assert.equal(deleted.deleteFace.deletedFaceId, face.faceId);
    assert.deepEqual(deleted.deleteFace.photo.faces, []);
    assert.equal(env.lastEdit().payload.face.id, face.faceId);
    assert.equal(typeof env.lastEdit().payload.face.descriptor, 'string');
  });

  test('albums: create, add (idempotent), remove, rename; setStarred', async () => {
    const hashes = [...new Set(env.fixture.hashByRelativePath.values())].slice(10, 13);
    const created = await env.api.data(
      `mutation { createAlbum(name: "Grandma's 80th") { ... on AlbumPayload { album { id name source } } } }`,
    );
    const album = created.createAlbum.album;
    assert.deepEqual({ name: album.name, source: album.source }, { name: "Grandma's 80th", source: 'USER' });
    const addQuery = `mutation($a: ID!, $p: [ID!]!) { addToAlbum(albumId: $a, photoIds: $p) { ... on AlbumPayload { album { photoCount } } } }`;
    assert.equal((await env.api.data(addQuery, { a: album.id, p: hashes })).addToAlbum.album.photoCount, 3);
    assert.equal((await env.api.data(addQuery, { a: album.id, p: hashes })).addToAlbum.album.photoCount, 3);
    const missing = await env.api.data(
      `mutation($a: ID!) { addToAlbum(albumId: $a, photoIds: ["${'0'.repeat(64)}"]) { __typename } }`,
      { a: album.id },
    );
    assert.equal(missing.addToAlbum.__typename, 'NotFoundError');
    const removed = await env.api.data(
      `mutation($a: ID!, $p: [ID!]!) { removeFromAlbum(albumId: $a, photoIds: $p) { ... on AlbumPayload { album { photoCount } } } }`,
      {
        a: album.id,
        p: hashes.slice(0, 1),
      },
    );
    assert.equal(removed.removeFromAlbum.album.photoCount, 2);
    const renamed = await env.api.data(
      `mutation($a: ID!) { renameAlbum(albumId: $a, name: "Grandma at 80") { ... on AlbumPayload { album { name } } } }`,
      { a: album.id },
    );
    assert.equal(renamed.renameAlbum.album.name, 'Grandma at 80');
    const empty = await env.api.data(
      `mutation($a: ID!) { renameAlbum(albumId: $a, name: "   ") { __typename } }`,
      { a: album.id },
    );
    assert.equal(empty.renameAlbum.__typename, 'InvalidInputError');
    const starred = await env.api.data(
      `mutation($p: ID!) { setStarred(photoId: $p, starred: true) { ... on PhotoPayload { photo { starred } } } }`,
      { p: hashes[0] },
    );
    assert.equal(starred.setStarred.photo.starred, true);
    const actions = env.rows('select action from edits order by id').map((e) => e.action);
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
