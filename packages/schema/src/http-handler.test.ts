import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openSqliteFile } from '@kindred/db';
import { skipWithoutTestData } from '@kindred/testing';
import type { Role } from './context.js';
import { createKindredHttpHandler } from './http-handler.js';
import { countStatements } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';
import { createKindredYoga } from './yoga.js';

const skip = skipWithoutTestData();
const PERSON = `query($id: ID!) { person(id: $id) { name faceCount photos(first: 5) { totalCount nodes { hash } } } }`;

describe('node:http front of the API (kindred api)', { skip }, () => {
  let fixture: ApiFixture;
  let server: Server;
  let url: string;
  let id: string;
  let counts: { fromCache: number; direct: number; byYoga: number };

  before(async () => {
    fixture = buildApiFixture();
    const front = createKindredHttpHandler({
      db: fixture.db,
      // A stand-in for token checks: the role comes from a header, and no header means no caller.
      actorFor: (request) => {
        const role = request.headers.get('x-test-role');
        return role ? { role: role as Role, name: `test ${role}` } : null;
      },
    });
    counts = front.counts;
    server = createServer(front.handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graphql`;
    id = String(fixture.personIdByName.get('Barack Obama'));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    fixture.cleanup();
  });

  async function post(query: string, variables: Record<string, unknown>, role?: Role, accept?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (role) headers['x-test-role'] = role;
    if (accept) headers.accept = accept;
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  }

  /** What yoga itself answers (its own request handling, no response cache), for comparison. */
  async function yogaAnswer(query: string, variables: Record<string, unknown>) {
    const yoga = createKindredYoga({ db: fixture.db, responseCacheEntries: 0 });
    const response = await yoga.fetch('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  }

  test("a first ask is run without yoga's request handling, and answered with the bytes yoga sends", async () => {
    const before = { ...counts };
    const first = await post(PERSON, { id }, 'viewer');
    assert.deepEqual(counts, { ...before, direct: before.direct + 1 }, 'run directly');
    assert.equal(first.status, 200);
    assert.match(first.body, /"name":"Barack Obama"/);
    assert.deepEqual(first, await yogaAnswer(PERSON, { id }));
  });

  test('a query whose answer has errors is answered by yoga (its status and error masking)', async () => {
    const before = { ...counts };
    const missing = await post(PERSON, { id: 'not-an-id' }, 'viewer');
    const invalid = await post('{ person { nosuchfield } }', {}, 'viewer');
    assert.deepEqual(counts, { ...before, byYoga: before.byYoga + 2 });
    assert.match(missing.body, /"errors"/);
    assert.deepEqual(missing, await yogaAnswer(PERSON, { id: 'not-an-id' }));
    assert.deepEqual(invalid, await yogaAnswer('{ person { nosuchfield } }', {}));
  });

  test('a repeat is answered with the same bytes and headers, before yoga and without preparing anything', async () => {
    const first = await post(PERSON, { id }, 'viewer');
    const before = { ...counts };
    let again: Awaited<ReturnType<typeof post>> | undefined;
    const statements = await countStatements(fixture, async () => {
      again = await post(PERSON, { id }, 'viewer');
    });
    assert.equal(statements, 0);
    assert.deepEqual(counts, { ...before, fromCache: before.fromCache + 1 }, 'from the cache');
    assert.deepEqual(again, first);
  });

  test('a caller without credentials is refused even when the answer is cached for someone else', async () => {
    await post(PERSON, { id }, 'owner');
    const refused = await post(PERSON, { id });
    assert.equal(refused.status, 401);
    assert.doesNotMatch(refused.body, /Barack/);
  });

  test('callers are kept apart: an owner-only answer is never sent to a viewer', async () => {
    const members = '{ members { name } }';
    const owner = await post(members, {}, 'owner');
    assert.equal(owner.status, 200);
    assert.doesNotMatch(owner.body, /"errors"/);
    const viewer = await post(members, {}, 'viewer');
    assert.match(viewer.body, /only the owner may use members/);
  });

  test("another connection's commit is seen at once", async () => {
    await post(PERSON, { id }, 'viewer');
    const sqlite = openSqliteFile(fixture.dbPath);
    try {
      sqlite.prepare('update people set name = ? where id = ?').run('Barack H. Obama', Number(id));
    } finally {
      sqlite.close();
    }
    assert.match((await post(PERSON, { id }, 'viewer')).body, /"name":"Barack H. Obama"/);
  });

  test('other accept types, bad JSON, mutations and GET still get what yoga answers', async () => {
    for (let i = 0; i < 2; i++) {
      const typed = await post(PERSON, { id }, 'viewer', 'application/graphql-response+json');
      assert.match(typed.type ?? '', /application\/graphql-response\+json/, 'also when cached');
    }
    const bad = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-role': 'owner' },
      body: '{not json',
    });
    assert.equal(bad.status, 400);
    const rename = `mutation($p: ID, $n: String!) { namePerson(personId: $p, name: $n) { __typename } }`;
    assert.match(
      (await post(rename, { p: id, n: 'Barack Obama' }, 'viewer')).body,
      /may not change anything/,
    );
    assert.match((await post(rename, { p: id, n: 'Barack Obama' }, 'editor')).body, /namePerson/);
    assert.match((await post(PERSON, { id }, 'viewer')).body, /"name":"Barack Obama"/);
    const graphiql = await fetch(url, { headers: { accept: 'text/html', 'x-test-role': 'viewer' } });
    assert.equal(graphiql.status, 200);
    assert.match(await graphiql.text(), /GraphiQL/i);
  });
});
