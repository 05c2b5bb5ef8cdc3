import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dropIndexesForBulkLoad, restoreIndexes } from './bulk-load.js';
import { files, openDatabase } from './index.js';

type Sqlite = ReturnType<typeof openDatabase>['$client'];

/** Each index of `files` with its columns, as SQLite reports them. */
function fileIndexes(sqlite: Sqlite): Record<string, string[]> {
  const names = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'files' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      (sqlite.pragma(`index_info("${name}")`) as { name: string }[]).map((c) => c.name),
    ]),
  );
}

test('the secondary indexes of files are dropped for a bulk load and restored as the migrations made them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kindred-bulk-'));
  try {
    const sqlite = openDatabase(join(dir, 'k.db')).$client;
    const migrated = fileIndexes(sqlite);
    assert.deepEqual(migrated.files_content_idx, ['content_hash', 'status']);

    assert.deepEqual(dropIndexesForBulkLoad(sqlite, files).sort(), [
      'files_content_idx',
      'files_root_status_idx',
    ]);
    const during = fileIndexes(sqlite);
    assert.equal(during.files_content_idx, undefined);
    assert.equal(during.files_root_status_idx, undefined);
    assert.ok(
      Object.keys(during).some((name) => migrated[name]),
      'the unique path index stays',
    );

    const plan = () =>
      sqlite
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM files WHERE content_hash = ? AND status = 'present'`)
        .all('x')
        .map((row) => (row as { detail: string }).detail)
        .join(' ');
    assert.doesNotMatch(plan(), /files_content_idx/);

    assert.deepEqual(restoreIndexes(sqlite, files).sort(), ['files_content_idx', 'files_root_status_idx']);
    assert.deepEqual(fileIndexes(sqlite), migrated);
    assert.match(plan(), /files_content_idx/);
    assert.deepEqual(restoreIndexes(sqlite, files), [], 'nothing missing: nothing to do');
    assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
    sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
