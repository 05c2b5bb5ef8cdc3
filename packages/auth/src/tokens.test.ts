import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { apiTokens, openDatabase } from '@kindred/db';
import { tempDir } from '@kindred/testing';
import { createToken, listTokens, revokeToken, verifyToken } from './tokens.js';

const dir = tempDir();
const db = openDatabase(join(dir.path, 'kindred.db'));
after(() => {
  db.$client.close();
  dir.cleanup();
});

test('a token is stored only as a hash, verified, stamped at most once a minute, and revoked', () => {
  const token = createToken(db, 'nightly-report', 'viewer');
  const stored = db.select().from(apiTokens).all();
  assert.equal(stored.length, 1);
  assert.ok(!JSON.stringify(stored).includes(token), 'the token itself is not stored');
  assert.deepEqual(verifyToken(db, token), { name: 'nightly-report', role: 'viewer' });
  const first = listTokens(db)[0]?.lastUsedAt?.getTime();
  assert.ok(first);
  const writes = db.$client.prepare('select total_changes() as n').get() as { n: number };
  verifyToken(db, token);
  const after = db.$client.prepare('select total_changes() as n').get() as { n: number };
  assert.equal(after.n, writes.n, 'a second use within the minute writes nothing');
  db.update(apiTokens)
    .set({ lastUsedAt: new Date(Date.now() - 120_000) })
    .run();
  verifyToken(db, token);
  assert.ok(
    (listTokens(db)[0]?.lastUsedAt?.getTime() ?? 0) > Date.now() - 5_000,
    'stamped again after a minute',
  );
  assert.equal(verifyToken(db, 'kdr_wrong'), null);
  revokeToken(db, 'nightly-report');
  assert.equal(verifyToken(db, token), null);
  assert.throws(() => createToken(db, 'bad name!', 'viewer'), /letters, digits/);
});
