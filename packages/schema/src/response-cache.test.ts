import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSqliteFile } from '@kindred/db';
import { skipWithoutTestData } from '@kindred/testing';
import type { Role } from './context.js';
import { apiClient, countStatements } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

const skip = skipWithoutTestData();
const PERSON = `query($id: ID!) { person(id: $id) { name faceCount photos(first: 5) { totalCount nodes { hash } } } }`;

describe('response cache', { skip }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  let id: string;
  before(() => {
    fixture = buildApiFixture();
    api = apiClient(fixture, {
      actorFor: (request) => ({
        role: (request.headers.get('x-test-role') ?? 'owner') as Role,
        name: 'Test',
      }),
    });
    id = String(fixture.personIdByName.get('Barack Obama'));
  });
  after(() => fixture.cleanup());

  test('a repeated query is answered without running it again, with the same result', async () => {
    const first = await api.data(PERSON, { id });
    const statements = await countStatements(fixture, async () => {
      assert.deepEqual(await api.data(PERSON, { id }), first);
    });
    assert.equal(statements, 0, 'nothing is prepared: the state check keeps its own statements');
    const other = String(fixture.personIdByName.get('Madonna'));
    assert.notDeepEqual(await api.data(PERSON, { id: other }), first, 'variables are part of the key');
  });

  test("another connection's commit (the indexer) is seen at once", async () => {
    await api.data(PERSON, { id });
    const sqlite = openSqliteFile(fixture.dbPath);
    try {
      sqlite.prepare('update people set name = ? where id = ?').run('Barack H. Obama', Number(id));
    } finally {
      sqlite.close();
    }
    assert.equal((await api.data(PERSON, { id })).person.name, 'Barack H. Obama');
  });

  test("a mutation's change is seen by the next query, and mutations are never answered from the cache", async () => {
    await api.data(PERSON, { id });
    const rename = `mutation($p: ID, $n: String!) { namePerson(personId: $p, name: $n) { __typename } }`;
    await api.data(rename, { p: id, n: 'Barack Obama' });
    assert.equal((await api.data(PERSON, { id })).person.name, 'Barack Obama');
    await api.data(rename, { p: id, n: 'President Obama' });
    await api.data(rename, { p: id, n: 'Barack Obama' });
    const names = fixture.db.$client
      .prepare(`select count(*) from edits where action = 'namePerson'`)
      .pluck()
      .get() as number;
    assert.ok(names >= 3, `each rename ran and was recorded (${names} edits)`);
    assert.equal((await api.data(PERSON, { id })).person.name, 'Barack Obama');
  });

  test('callers are kept apart: a viewer never gets what was computed for the owner', async () => {
    const me = '{ me { role name } }';
    const owner = await api.gql(me, {}, { 'x-test-role': 'owner' });
    const viewer = await api.gql(me, {}, { 'x-test-role': 'viewer' });
    assert.equal(owner.data?.me.role, 'owner');
    assert.equal(viewer.data?.me.role, 'viewer');
    const refused = await api.gql('{ members { name } }', {}, { 'x-test-role': 'viewer' });
    await api.gql('{ members { name } }', {}, { 'x-test-role': 'owner' });
    const again = await api.gql('{ members { name } }', {}, { 'x-test-role': 'viewer' });
    assert.ok(refused.errors?.length && again.errors?.length, 'the owner-only field stays refused');
  });
});
