import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '@kindred/testing';
import { indexJson, runCli } from '../testing/cli-runner.js';
import { readFiles, writeTree } from '../testing/trees.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

describe('bad input gets a clear per-path error and the run goes on', () => {
  it('odd names, special files, broken links, link loops and hidden folders', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      writeTree(root, {
        'new\nline.jpg': 'newline in the name',
        'café-é.jpg': 'unicode, composed',
        'cafe\u0301-e\u0301.jpg': 'unicode, decomposed',
        'sp ace & $dollar.jpg': 'shell characters',
        '.picasa.ini': '[a.jpg]\nfaces=rect64(0)\n',
        '.DS_Store': 'mac litter',
        '.picasaoriginals/a.jpg': 'original before Picasa edit',
        '.git/objects/x': 'hidden folder',
        '@eaDir/a.jpg/SYNOFILE_THUMB_S.jpg': 'synology thumbnail',
        '$RECYCLE.BIN/old.jpg': 'windows recycle bin',
        'album/real.jpg': 'a real photo',
      });
      writeFileSync(
        Buffer.concat([Buffer.from(`${root}/latin1-`), Buffer.from([0xe9]), Buffer.from('.jpg')]),
        'bad bytes',
      );
      execFileSync('mkfifo', [join(root, 'a-pipe')]);
      symlinkSync(join(root, 'nowhere.jpg'), join(root, 'broken-link.jpg'));
      symlinkSync('..', join(root, 'album', 'loop-to-parent'));
      symlinkSync(join(root, 'album', 'real.jpg'), join(root, 'link-to-real.jpg'));
      const db = join(root, 'kindred.db'); // the database inside the root is never indexed

      const report = await indexJson(db, [root]);
      const recorded = readFiles(db)
        .map((row) => row.path.slice(root.length + 1))
        .sort();
      assert.deepEqual(
        recorded,
        [
          '.picasa.ini',
          'album/real.jpg',
          'cafe\u0301-e\u0301.jpg',
          'café-é.jpg',
          'link-to-real.jpg',
          'new\nline.jpg',
          'sp ace & $dollar.jpg',
        ].sort(),
      );
      assert.equal(report.files.duplicates, 1, 'the symlink and its target are one content at two paths');
      const errors = Object.fromEntries(report.errors.map((e) => [e.path.slice(root.length + 1), e.error]));
      assert.match(errors['a-pipe'] ?? '', /named pipe \(FIFO\); skipped/);
      assert.match(errors['broken-link.jpg'] ?? '', /broken symbolic link/);
      assert.match(errors['latin1-\u00e9.jpg'] ?? '', /not valid UTF-8/);
      assert.equal(report.errors.length, 3);
      assert.equal((await indexJson(db, [])).files.unchanged, 7, 'a second run reads nothing again');
    } finally {
      tmp.cleanup();
    }
  });

  it('unreadable files and folders, and a read-only database (run as an unprivileged user)', async () => {
    const tmp = tempDir();
    try {
      chmodSync(tmp.path, 0o755);
      const root = join(tmp.path, 'photos');
      writeTree(root, {
        'ok.jpg': 'fine',
        'locked.jpg': 'no read permission',
        'private/a.jpg': 'in a closed folder',
      });
      const dbDir = join(tmp.path, 'data');
      mkdirSync(dbDir);
      const asUser = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
      if (isRoot) chownSync(dbDir, NOBODY, NOBODY);
      const db = join(dbDir, 'k.db');
      const first = await indexJson(db, [root], asUser);
      assert.equal(first.files.new, 3);

      chmodSync(join(root, 'locked.jpg'), 0o000);
      writeFileSync(join(root, 'locked.jpg'), 'changed but unreadable');
      chmodSync(join(root, 'private'), 0o000);
      const second = await indexJson(db, [], asUser);
      const errors = Object.fromEntries(second.errors.map((e) => [e.path.slice(root.length + 1), e.error]));
      assert.equal(errors['locked.jpg'], 'permission denied');
      assert.match(errors.private ?? '', /cannot read folder: permission denied/);
      assert.equal(second.files.removed, 0, 'files under an unreadable folder are not judged removed');
      assert.ok(readFiles(db).every((row) => row.status === 'present'));

      chmodSync(dbDir, 0o555);
      chmodSync(db, 0o444);
      const readOnly = await runCli(['index', '--db', db], asUser);
      assert.equal(readOnly.code, 1);
      assert.match(readOnly.stderr, /kindred: .*k\.db.*read-only/);
    } finally {
      chmodSync(join(tmp.path, 'photos', 'private'), 0o755);
      tmp.cleanup();
    }
  });
});
