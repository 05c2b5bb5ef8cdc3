import assert from 'node:assert/strict';
import { join } from 'node:path';
import { it } from 'node:test';
import { tempDir } from '@kindred/testing';
import { cliEnv, finished, indexJson, startCli } from '../testing/cli-runner.js';
import { querySql, readFiles, waitForCount, writeRandomTree } from '../testing/trees.js';

const FILES = 3000;
const fileIndexes = (db: string) =>
  querySql<{ name: string }>(
    db,
    `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'files' ORDER BY name`,
  )
    .map((row) => row.name)
    .filter((name) => !name.startsWith('sqlite_autoindex'));

it('a run killed with SIGKILL mid-way resumes cleanly: no lost or doubled rows, same state as one full run', async () => {
  const tmp = tempDir();
  try {
    const root = join(tmp.path, 'photos');
    const db = join(tmp.path, 'killed.db');
    writeRandomTree(root, FILES, 48 * 1024);
    const child = startCli(['index', '--json', '--no-faces', '--db', db, root], {
      env: cliEnv({ KINDRED_HASH_WORKERS: '1', KINDRED_BATCH_FILES: '50' }),
    });
    const exited = finished(child);
    await waitForCount(db, 'SELECT COUNT(*) AS n FROM files', 200);
    child.kill('SIGKILL');
    const killed = await exited;
    assert.equal(killed.signal, 'SIGKILL', 'the run was still going when killed');
    assert.deepEqual(querySql<{ status: string }>(db, 'SELECT status FROM runs'), [{ status: 'running' }]);
    const partial = readFiles(db).length;
    assert.ok(partial >= 200 && partial < FILES, `killed after ${partial} committed files`);
    assert.deepEqual(fileIndexes(db), [], 'a first index loads without the secondary indexes of files');

    const resumed = await indexJson(db, []);
    assert.deepEqual(fileIndexes(db), ['files_content_idx', 'files_root_status_idx'], 'built again');
    assert.equal(resumed.files.seen, FILES);
    assert.equal(resumed.files.new + resumed.files.unchanged, FILES);
    assert.ok(resumed.files.unchanged >= partial, 'files committed before the kill are not read again');
    assert.deepEqual(querySql<{ integrity_check: string }>(db, 'PRAGMA integrity_check'), [
      { integrity_check: 'ok' },
    ]);
    assert.deepEqual(
      querySql<{ status: string }>(db, 'SELECT status FROM runs ORDER BY id').map((r) => r.status),
      ['interrupted', 'completed'],
    );

    const fresh = join(tmp.path, 'fresh.db');
    await indexJson(fresh, [root]);
    assert.deepEqual(
      readFiles(db),
      readFiles(fresh),
      'same files, hashes, sizes and statuses as an uninterrupted run',
    );
    const contents = (path: string) =>
      querySql<{ hash: string; size: number; kind: string }>(
        path,
        'SELECT hash, size, kind FROM contents ORDER BY hash',
      );
    assert.deepEqual(contents(db), contents(fresh));
  } finally {
    tmp.cleanup();
  }
});

it('Ctrl-C (SIGINT) stops the run, keeps what was committed, marks it interrupted, exits 130', async () => {
  const tmp = tempDir();
  try {
    const root = join(tmp.path, 'photos');
    const db = join(tmp.path, 'k.db');
    writeRandomTree(root, FILES, 48 * 1024);
    const child = startCli(['index', '--json', '--no-faces', '--db', db, root], {
      env: cliEnv({ KINDRED_HASH_WORKERS: '1', KINDRED_BATCH_FILES: '50' }),
    });
    const exited = finished(child);
    await waitForCount(db, 'SELECT COUNT(*) AS n FROM files', 200);
    child.kill('SIGINT');
    const stopped = await exited;
    assert.equal(stopped.code, 130, stopped.stderr);
    const run = querySql<{ status: string; report: string }>(db, 'SELECT status, report FROM runs')[0];
    assert.equal(run?.status, 'interrupted');
    const kept = readFiles(db).length;
    assert.equal(JSON.parse(stopped.stdout).files.new, kept, 'the report counts what was committed');
    assert.ok(kept < FILES);
    const resumed = await indexJson(db, []);
    assert.deepEqual([resumed.files.unchanged, resumed.files.new], [kept, FILES - kept]);
  } finally {
    tmp.cleanup();
  }
});
