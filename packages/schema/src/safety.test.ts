import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { getIntrospectionQuery } from 'graphql';
import { apiClient, countStatements } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

const skip = skipWithoutTestData();

const PEOPLE_PAGE = `query($n: Int) { people(first: $n) { totalCount nodes { id name faceCount photoCount suggestionCount
  coverFace { cropUrl box { x y w h } photo { hash } } } pageInfo { endCursor hasNextPage } } }`;
const PERSON_PAGE = `query($id: ID!, $n: Int) { person(id: $id) { name faceCount photos(first: $n) { totalCount nodes { id hash takenAt
  thumbnailUrl paths albums { name } people { name } faces { box { x y w h } state person { name } cluster { clusterId } } } }
  suggestions(first: $n) { nodes { cropUrl photo { hash } } } } }`;

describe('safety and efficiency', { skip }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  before(() => {
    fixture = buildApiFixture();
    // What a query costs when it runs: the response cache (response-cache.test.ts) would answer repeats.
    api = apiClient(fixture, { responseCacheEntries: 0 });
  });
  after(() => fixture.cleanup());

  test('a people page costs the same number of SQL statements for 2 or 40 people (no N+1)', async () => {
    const cold = await countStatements(fixture, () => api.data(PEOPLE_PAGE, { n: 40 }));
    const small = await countStatements(fixture, () => api.data(PEOPLE_PAGE, { n: 2 }));
    const large = await countStatements(fixture, () => api.data(PEOPLE_PAGE, { n: 40 }));
    const page = await api.data(PEOPLE_PAGE, { n: 40 });
    assert.ok(page.people.nodes.length >= 30, 'the fixture has enough people for the comparison');
    assert.equal(large, small);
    assert.ok(large <= 5, `people page used ${large} statements`);
    // The first page also builds the per-person counts and prepares the two data-state statements.
    assert.ok(cold <= large + 6, `a cold people page (counts not cached yet) used ${cold} statements`);
  });

  test('a person page costs the same number of SQL statements for 2 or 12 photos (no N+1)', async () => {
    const id = String(fixture.personIdByName.get('Barack Obama'));
    await api.data(PERSON_PAGE, { id, n: 1 });
    const small = await countStatements(fixture, () => api.data(PERSON_PAGE, { id, n: 2 }));
    const large = await countStatements(fixture, () => api.data(PERSON_PAGE, { id, n: 12 }));
    const page = await api.data(PERSON_PAGE, { id, n: 12 });
    assert.ok(page.person.photos.nodes.length >= 6);
    assert.equal(large, small);
    // 9: graphql-jit resolves the suggestions' drizzle relation with one batched statement of its own (yoga.ts).
    assert.ok(large <= 9, `person page used ${large} statements`);
  });

  test('page sizes above 200 are refused with a clear error', async () => {
    const result = await api.gql(`{ photos(first: 201) { nodes { hash } } }`);
    assert.equal(result.data, undefined);
    assert.match(result.errors?.[0]?.message ?? '', /page size 201 is outside 0\.\.200/);
    const viaVariable = await api.gql(`query($n: Int) { people(last: $n) { nodes { id } } }`, { n: 5000 });
    assert.match(viaVariable.errors?.[0]?.message ?? '', /page size 5000/);
  });

  test('too deep and too costly queries are refused before running', async () => {
    const deep = `{ photos(first: 1) { nodes { faces { person { coverFace { photo { faces { person { coverFace { photo { faces { person { name } } } } } } } } } } } } }`;
    const result = await api.gql(deep);
    assert.match(result.errors?.[0]?.message ?? '', /query depth \d+ exceeds the limit of 12/);
    const costly = `{ people(first: 200) { nodes { photos(first: 200) { nodes { faces { person { name } } } } } } }`;
    const cost = await api.gql(costly);
    assert.match(cost.errors?.[0]?.message ?? '', /query cost \d+ exceeds the limit/);
  });

  test('CSRF: a form-encoded or header-less GET request is refused; JSON POST or the header passes', async () => {
    const query = encodeURIComponent('{ stats { photos } }');
    const bare = await api.yoga.fetch(`http://localhost/api/graphql?query=${query}`);
    assert.equal(bare.status, 403);
    const withHeader = await api.yoga.fetch(`http://localhost/api/graphql?query=${query}`, {
      headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
    });
    assert.equal(withHeader.status, 200);
    const form = await api.yoga.fetch('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${query}`,
    });
    assert.equal(form.status, 403);
  });

  test('unexpected errors are masked (no stack, no SQL); introspection works', async () => {
    const hash = [...fixture.hashByRelativePath.values()][0];
    const result = await api.gql(`query($id: ID!) { photo(id: $id) { thumbnailUrl(size: 7) } }`, {
      id: hash,
    });
    const text = JSON.stringify(result.errors);
    assert.match(text, /Unexpected error/);
    assert.doesNotMatch(text, /stack|at \w+ \(|select /i);
    const introspection = await api.data(getIntrospectionQuery());
    assert.ok(introspection.__schema.types.some((t: { name: string }) => t.name === 'Person'));
  });

  test('a viewer may query but not mutate (the one role check)', async () => {
    const viewer = apiClient(fixture, { actorFor: () => ({ role: 'viewer' }) });
    assert.equal(typeof (await viewer.data(`{ stats { photos } }`)).stats.photos, 'number');
    const refused = await viewer.gql(`mutation { createAlbum(name: "x") { __typename } }`);
    assert.match(refused.errors?.[0]?.message ?? '', /viewer role may not change anything/);
    assert.equal(fixture.db.$client.prepare(`select count(*) from albums where name = 'x'`).pluck().get(), 0);
  });
});
