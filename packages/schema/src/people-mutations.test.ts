import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { mutationEnv } from './test-mutation-env.js';

const skip = skipWithoutTestData();

describe('people mutations', { skip }, () => {
  const env = mutationEnv();

  test('namePerson names a cluster: a new person with its faces confirmed, recorded as an edit', async () => {
    const clusterId = env.fixture.clusterIdByIdentity.get('Tom Ridge') as number;
    const open = env
      .rows(`select id from faces where cluster_id = ? and state <> 'confirmed'`, clusterId)
      .map((f) => f.id);
    const result = await env.api.data(
      `mutation($c: ID) { namePerson(clusterId: $c, name: "  Tom   Ridge ") {
      __typename ... on PersonPayload { person { name faceCount } editId merged } } }`,
      { c: String(clusterId) },
    );
    assert.deepEqual(result.namePerson.person, { name: 'Tom Ridge', faceCount: open.length });
    const states = env.rows(`select state, edited_by_user from faces where id in (${open.join(',')})`);
    assert.ok(states.every((f) => f.state === 'confirmed' && f.edited_by_user === 1));
    assert.equal(env.lastEdit().action, 'namePerson');
    assert.deepEqual(
      env
        .lastEdit()
        .payload.faces.map((f: { id: number }) => f.id)
        .sort(),
      [...open].sort(),
    );
  });

  test('namePerson renames; an existing name needs confirmMerge, then merges and can be undone', async () => {
    const madonna = env.person('Madonna');
    const elton = env.person('Elton John');
    const renamed = await env.api.data(
      `mutation($p: ID) { namePerson(personId: $p, name: "Madonna Ciccone") { ... on PersonPayload { person { name } } } }`,
      {
        p: String(madonna),
      },
    );
    assert.equal(renamed.namePerson.person.name, 'Madonna Ciccone');
    const taken = await env.api.data(
      `mutation($p: ID) { namePerson(personId: $p, name: "Elton John") { __typename ... on NameTakenError { existingPersonId message } } }`,
      {
        p: String(madonna),
      },
    );
    assert.equal(taken.namePerson.__typename, 'NameTakenError');
    assert.equal(taken.namePerson.existingPersonId, elton);
    const before = env.row(`select count(*) as n from faces where person_id = ?`, elton).n;
    const moving = env.row(
      `select count(*) as n from faces where person_id = ? and state = 'confirmed'`,
      madonna,
    ).n;
    const merged = await env.api.data(
      `mutation($p: ID) { namePerson(personId: $p, name: "Elton John", confirmMerge: true) {
      ... on PersonPayload { merged undoToken person { personId faceCount } } } }`,
      { p: String(madonna) },
    );
    assert.equal(merged.namePerson.merged, true);
    assert.equal(merged.namePerson.person.personId, elton);
    assert.ok(env.row(`select count(*) as n from faces where person_id = ?`, elton).n > before);
    assert.equal(
      merged.namePerson.person.faceCount,
      env.row(`select count(*) as n from faces where person_id = ? and state = 'confirmed'`, elton).n,
    );
    const undone = await env.api.data(
      `mutation($t: String!) { undoMerge(undoToken: $t) { ... on UndoMergePayload { person { name faceCount } other { name } } } }`,
      {
        t: merged.namePerson.undoToken,
      },
    );
    assert.deepEqual(undone.undoMerge.person, { name: 'Madonna Ciccone', faceCount: moving });
    assert.equal(env.row(`select count(*) as n from faces where person_id = ?`, elton).n, before);
    const twice = await env.api.data(
      `mutation($t: String!) { undoMerge(undoToken: $t) { __typename ... on UserError { message } } }`,
      {
        t: merged.namePerson.undoToken,
      },
    );
    assert.equal(twice.undoMerge.__typename, 'UndoError');
  });

  test('mergePeople refuses a photo with both people confirmed; merged person resolves to the survivor', async () => {
    const obama = env.person('Barack Obama');
    const biden = env.person('Joe Biden');
    const conflict = await env.api.data(
      `mutation($a: ID!, $b: ID!) { mergePeople(fromPersonId: $a, intoPersonId: $b) {
      __typename ... on SamePhotoConflictError { photoHash faceIds personId } } }`,
      { a: String(biden), b: String(obama) },
    );
    assert.equal(conflict.mergePeople.__typename, 'SamePhotoConflictError');
    assert.equal(conflict.mergePeople.faceIds.length, 2);
    const jerry = env.person('Jerry Seinfeld');
    const ben = env.person('Ben Affleck');
    const editsBefore = env.row('select count(*) as n from edits').n;
    const merged = await env.api.data(
      `mutation($a: ID!, $b: ID!) { mergePeople(fromPersonId: $a, intoPersonId: $b) { ... on PersonPayload { undoToken person { name } } } }`,
      {
        a: String(jerry),
        b: String(ben),
      },
    );
    assert.equal(merged.mergePeople.person.name, 'Ben Affleck');
    assert.equal(env.row('select count(*) as n from edits').n, editsBefore + 1);
    const lookup = await env.api.data(`query($id: ID!) { person(id: $id) { personId } }`, {
      id: String(jerry),
    });
    assert.equal(lookup.person.personId, ben);
    const list = await env.api.data(`{ people(first: 200) { nodes { personId } } }`);
    assert.ok(!list.people.nodes.some((p: { personId: number }) => p.personId === jerry));
  });

  test('hidePerson/unhidePerson, setCoverFace (own confirmed faces only)', async () => {
    const mindy = env.person('Mindy Kaling');
    const hidden = await env.api.data(
      `mutation($p: ID!) { hidePerson(personId: $p) { ... on PersonPayload { person { hidden } } } }`,
      { p: String(mindy) },
    );
    assert.equal(hidden.hidePerson.person.hidden, true);
    const list = await env.api.data(`{ people(filter: { hidden: true }) { nodes { personId } } }`);
    assert.deepEqual(list.people.nodes, [{ personId: mindy }]);
    await env.api.data(`mutation($p: ID!) { unhidePerson(personId: $p) { __typename } }`, {
      p: String(mindy),
    });
    assert.equal(env.row('select hidden from people where id = ?', mindy).hidden, 0);
    const face = env.faceOf(mindy, 'confirmed');
    const lastFace = env.row(
      `select max(id) as id from faces where person_id = ? and state = 'confirmed'`,
      mindy,
    ).id;
    const cover = await env.api.data(
      `mutation($p: ID!, $f: ID!) { setCoverFace(personId: $p, faceId: $f) { ... on PersonPayload { person { coverFace { faceId } } } } }`,
      {
        p: String(mindy),
        f: String(lastFace),
      },
    );
    assert.equal(cover.setCoverFace.person.coverFace.faceId, lastFace);
    assert.notEqual(face.id, lastFace);
    const foreign = env.faceOf(env.person('Madonna'), 'confirmed');
    const refused = await env.api.data(
      `mutation($p: ID!, $f: ID!) { setCoverFace(personId: $p, faceId: $f) { __typename } }`,
      {
        p: String(mindy),
        f: String(foreign.id),
      },
    );
    assert.equal(refused.setCoverFace.__typename, 'InvalidInputError');
    const missing = await env.api.data(
      `{ }`.replace(
        '{ }',
        `mutation { hidePerson(personId: "99999") { __typename ... on NotFoundError { typename key } } }`,
      ),
    );
    assert.deepEqual(missing.hidePerson, { __typename: 'NotFoundError', typename: 'Person', key: '99999' });
  });
});
