import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { printKindredSchema, schemaFile } from './print-schema.js';

test('schema.graphql is the printed schema (run `npm run print-schema -w @kindred/schema` after changing types)', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), printKindredSchema());
});
