import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DatabaseOpenError, defaultDatabasePath, openDatabase } from './index.js';
import { blobToVector, vectorToBlob } from './vectors.js';

function tempFolder() {
  const path = mkdtempSync(join(tmpdir(), 'kindred-db-test-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

test('opening a new file applies every migration, in WAL mode with foreign keys on', () => {
  const tmp = tempFolder();
  try {
    const db = openDatabase(join(tmp.path, 'nested', 'k.db'));
    const sqlite = db.$client;
    const tables = sqlite
      .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
      .pluck()
      .all() as string[];
    for (const name of ['roots', 'files', 'contents', 'runs', 'photos', 'faces', 'people', 'albums']) {
      assert.ok(tables.includes(name), `table ${name} exists`);
    }
    assert.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
    assert.deepEqual(sqlite.pragma('integrity_check', { simple: true }), 'ok');
    sqlite.close();
    // Opening again applies nothing twice.
    openDatabase(join(tmp.path, 'nested', 'k.db')).$client.close();
  } finally {
    tmp.cleanup();
  }
});

test('a file that is not a database gives a clear DatabaseOpenError', () => {
  const tmp = tempFolder();
  try {
    const path = join(tmp.path, 'garbage.db');
    writeFileSync(path, 'this is not an SQLite database, just some text that is long enough'.repeat(100));
    assert.throws(() => openDatabase(path), DatabaseOpenError);
  } finally {
    tmp.cleanup();
  }
});

test('descriptors round-trip through Float32 BLOBs', () => {
  const vector = Array.from({ length: 128 }, (_, i) => Math.sin(i) / 3);
  const blob = vectorToBlob(vector);
  assert.equal(blob.byteLength, 512);
  const back = blobToVector(blob.subarray(0));
  assert.equal(back.length, 128);
  for (const [i, v] of back.entries()) assert.ok(Math.abs(v - (vector[i] ?? 0)) < 1e-6);
});

test('the default database path follows KINDRED_DB, then XDG_DATA_HOME', () => {
  assert.equal(defaultDatabasePath({ KINDRED_DB: '/srv/k.db' }), '/srv/k.db');
  assert.equal(defaultDatabasePath({ XDG_DATA_HOME: '/data' }), '/data/kindred/kindred.db');
  assert.match(defaultDatabasePath({ HOME: '/home/anna' }), /\/\.local\/share\/kindred\/kindred\.db$/);
});
