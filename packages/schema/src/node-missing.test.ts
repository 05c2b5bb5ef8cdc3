import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { skipWithoutTestData } from '@kindred/testing';
import { apiClient } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';

const skip = skipWithoutTestData();
const globalId = (key: string) => Buffer.from(key).toString('base64');

describe('node(id) for ids that do not exist', { skip }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  before(() => {
    fixture = buildApiFixture();
    api = apiClient(fixture);
  });
  after(() => fixture.cleanup());

  test('is null, not an error, for every node type', async () => {
    for (const key of [
      'Album:999999',
      'Person:999999',
      `Photo:${'f'.repeat(64)}`,
      'Face:99999999',
      'Cluster:999999',
    ]) {
      const result = await api.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId(key) });
      assert.equal(result.errors, undefined, key);
      assert.equal(result.data?.node, null, key);
    }
  });

  test('still finds what exists', async () => {
    // (the fixture's 'CompreFace person A' is a person without a name)
    const [name, personId] =
      [...fixture.personIdByName.entries()].find(([n]) => !n.startsWith('CompreFace')) ?? [];
    const result = await api.data(`query($id: ID!) { node(id: $id) { ... on Person { name } } }`, {
      id: globalId(`Person:${personId}`),
    });
    assert.equal(result.node.name, name);
  });
});
