import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createToken, revokeToken, tokenActor } from '@kindred/auth';
import { skipWithoutTestData } from '@kindred/testing';
import {
  type GraphQLArgument,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { createSchema } from './schema.js';
import { apiClient } from './test-client.js';
import { type ApiFixture, buildApiFixture } from './test-fixture.js';
import { OWNER_ONLY_FIELDS } from './types/account.js';

const skip = skipWithoutTestData();

/** A literal that passes validation for `type` (the role check refuses the operation before it runs). */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type));
    return `{${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')}}`;
  }
  if (isScalarType(type)) {
    return (
      ({ Int: '1', Float: '0.5', Boolean: 'true', ID: '"1"', String: '"x"' } as Record<string, string>)[
        type.name
      ] ?? '{}'
    );
  }
  return 'null';
}

/** One call of every mutation of the schema, with its required arguments. */
function everyMutation(): { name: string; document: string }[] {
  const fields = Object.values(createSchema().getMutationType()?.getFields() ?? {});
  return fields.map((field) => {
    const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type));
    const argText = args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
    const leaf = getNamedType(field.type);
    const selection = isScalarType(leaf) || isEnumType(leaf) ? '' : ' { __typename }';
    return { name: field.name, document: `mutation { ${field.name}${argText}${selection} }` };
  });
}

describe('who may do what through the API', { skip }, () => {
  let fixture: ApiFixture;
  let api: ReturnType<typeof apiClient>;
  const tokens: Record<string, string> = {};
  before(() => {
    fixture = buildApiFixture();
    for (const role of ['owner', 'editor', 'viewer'] as const)
      tokens[role] = createToken(fixture.db, `${role}-script`, role);
    api = apiClient(fixture, {
      actorFor: (request) => tokenActor(fixture.db, request.headers),
    });
  });
  after(() => fixture.cleanup());
  const as = (role: string) => ({ authorization: `Bearer ${tokens[role]}` });

  test('without a token or session, nothing is answered (401)', async () => {
    const result = await api.gql(`{ stats { photos } }`);
    assert.equal(result.status, 401);
    assert.equal(result.data, undefined);
    assert.equal(
      (await api.gql(`{ stats { photos } }`, {}, { authorization: 'Bearer kdr_not-a-token' })).status,
      401,
    );
  });

  test('a viewer is refused every mutation of the schema, and nothing changes', async () => {
    const edits = () => fixture.db.$client.prepare('select count(*) from edits').pluck().get();
    const before = edits();
    const mutations = everyMutation();
    assert.ok(mutations.length >= 15, `the schema has ${mutations.length} mutations`);
    for (const { name, document } of mutations) {
      const result = await api.gql(document, {}, as('viewer'));
      assert.equal(result.data, undefined, `${name} returned data to a viewer`);
      assert.match(
        result.errors?.[0]?.message ?? '',
        /may not change anything/,
        `${name}: ${JSON.stringify(result.errors)}`,
      );
    }
    assert.equal(edits(), before);
  });

  test('an editor may edit labels but not manage accounts; the owner may', async () => {
    const created = await api.gql(
      `mutation { createAlbum(name: "Editors") { __typename } }`,
      {},
      as('editor'),
    );
    assert.equal(created.errors, undefined);
    for (const field of OWNER_ONLY_FIELDS) {
      const mutation = everyMutation().find((m) => m.name === field);
      const document = mutation?.document ?? `{ ${field} { __typename } }`;
      const refused = await api.gql(document, {}, as('editor'));
      assert.match(refused.errors?.[0]?.message ?? '', /only the owner/, field);
    }
    const members = await api.gql(
      `{ members { email } apiTokens { name role } me { role name } }`,
      {},
      as('owner'),
    );
    assert.equal(members.errors, undefined);
    assert.equal(members.data?.me.role, 'owner');
    assert.ok(members.data?.apiTokens.some((t: { name: string }) => t.name === 'viewer-script'));
  });

  test('a revoked token stops working at once; the owner can revoke through the API', async () => {
    const token = createToken(fixture.db, 'nightly-report', 'viewer');
    const headers = { authorization: `Bearer ${token}` };
    assert.equal((await api.gql(`{ stats { photos } }`, {}, headers)).status, 200);
    revokeToken(fixture.db, 'nightly-report');
    assert.equal((await api.gql(`{ stats { photos } }`, {}, headers)).status, 401);
    const again = createToken(fixture.db, 'nightly-report', 'viewer');
    const revoked = await api.gql(
      `mutation { revokeApiToken(name: "nightly-report") { ... on DonePayload { ok } } }`,
      {},
      as('owner'),
    );
    assert.equal(revoked.data?.revokeApiToken.ok, true);
    assert.equal(
      (await api.gql(`{ stats { photos } }`, {}, { authorization: `Bearer ${again}` })).status,
      401,
    );
  });

  test('errors never carry stack traces, for any role', async () => {
    const result = await api.gql(`{ photo(id: "../../etc/passwd") { hash } }`, {}, as('viewer'));
    assert.doesNotMatch(JSON.stringify(result), /at \w+ \(|\.js:\d+/);
  });
});
