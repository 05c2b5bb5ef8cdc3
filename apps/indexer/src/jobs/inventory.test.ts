import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@kindred/testing';
import { indexJson, runCli } from '../testing/cli-runner.js';
import { querySql, readFiles, writeTree } from '../testing/trees.js';

describe('kindred index classifies every change between runs', () => {
  it('reports new, changed, moved, copied, removed and unchanged exactly', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      const db = join(tmp.path, 'kindred.db');
      writeTree(root, {
        'keep.txt': 'untouched',
        'edit.txt': 'version 1',
        'rename-me.bin': 'renamed on the same disk',
        'a/move-me.bin': 'moved by copy and delete',
        'copy-me.bin': 'copied',
        'delete-me.bin': 'deleted',
        'touch-me.bin': 'touched, same bytes',
      });
      const first = await indexJson(db, [root]);
      assert.deepEqual(first.files, {
        seen: 7,
        new: 7,
        changed: 0,
        moved: 0,
        removed: 0,
        unchanged: 0,
        duplicates: 0,
      });

      appendFileSync(join(root, 'edit.txt'), ' and version 2');
      renameSync(join(root, 'rename-me.bin'), join(root, 'renamed.bin'));
      mkdirSync(join(root, 'b'));
      copyFileSync(join(root, 'a/move-me.bin'), join(root, 'b/moved.bin'));
      rmSync(join(root, 'a/move-me.bin'));
      copyFileSync(join(root, 'copy-me.bin'), join(root, 'copy-of-copy-me.bin'));
      rmSync(join(root, 'delete-me.bin'));
      writeFileSync(join(root, 'touch-me.bin'), 'touched, same bytes');
      writeFileSync(join(root, 'brand-new.bin'), 'new content');

      const second = await indexJson(db, []);
      assert.deepEqual(second.errors, []);
      assert.deepEqual(second.files, {
        seen: 8, // keep, edit, renamed, b/moved, copy-me, copy-of-copy-me, touch-me, brand-new
        new: 2, // copy-of-copy-me (a copy: the original is still there) and brand-new
        changed: 1, // edit.txt
        moved: 2, // rename-me → renamed (same inode), a/move-me → b/moved (same hash, old path gone)
        removed: 1, // delete-me
        unchanged: 2 + 1, // keep, copy-me, and touch-me (re-read, same hash)
        duplicates: 1, // copy-me twice
      });

      const rows = readFiles(db);
      const status = Object.fromEntries(rows.map((row) => [row.path.slice(root.length + 1), row.status]));
      assert.equal(status['delete-me.bin'], 'removed', 'removed files stay as history');
      assert.equal(status['rename-me.bin'], 'removed');
      assert.equal(status['a/move-me.bin'], 'removed');
      assert.equal(status['b/moved.bin'], 'present');
      const hashOf = (name: string) => rows.find((row) => row.path === join(root, name))?.content_hash;
      assert.equal(hashOf('renamed.bin'), hashOf('rename-me.bin'), 'the content follows the rename');
      assert.equal(hashOf('b/moved.bin'), hashOf('a/move-me.bin'));

      const third = await indexJson(db, []);
      assert.deepEqual(third.files, {
        seen: 8,
        new: 0,
        changed: 0,
        moved: 0,
        removed: 0,
        unchanged: 8,
        duplicates: 1,
      });
      const runs = querySql<{ status: string; report: string }>(
        db,
        'SELECT status, report FROM runs ORDER BY id',
      );
      assert.deepEqual(
        runs.map((run) => run.status),
        ['completed', 'completed', 'completed'],
      );
      assert.deepEqual(
        JSON.parse(runs[1]?.report ?? '{}').files,
        second.files,
        'the report is stored in runs.report',
      );
    } finally {
      tmp.cleanup();
    }
  });

  it('lists duplicates with every path, and a restored file reappears as present', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      const db = join(tmp.path, 'kindred.db');
      writeTree(root, {
        'x/one.jpg': 'same bytes',
        'y/two.jpg': 'same bytes',
        'z/three.jpg': 'same bytes',
        'solo.jpg': 'solo',
      });
      const first = await indexJson(db, [root]);
      assert.equal(first.files.duplicates, 1);
      const listed = await runCli(['duplicates', '--json', '--db', db]);
      assert.equal(listed.code, 0, listed.stderr);
      const groups = JSON.parse(listed.stdout) as { paths: string[]; size: number }[];
      assert.equal(groups.length, 1);
      assert.deepEqual(
        groups[0]?.paths,
        ['x/one.jpg', 'y/two.jpg', 'z/three.jpg'].map((p) => join(root, p)),
      );
      assert.equal(groups[0]?.size, 'same bytes'.length);

      rmSync(join(root, 'solo.jpg'));
      assert.equal((await indexJson(db, [])).files.removed, 1);
      writeFileSync(join(root, 'solo.jpg'), 'solo');
      const restored = await indexJson(db, []);
      assert.equal(restored.files.new, 1);
      assert.equal(readFiles(db).find((row) => row.path.endsWith('solo.jpg'))?.status, 'present');
    } finally {
      tmp.cleanup();
    }
  });
});
