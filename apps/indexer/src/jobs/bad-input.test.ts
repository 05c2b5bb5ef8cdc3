import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32 } from 'node:zlib';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { cliEnv, indexJson, runCli } from '../testing/cli-runner.js';
import { readFiles, writeTree } from '../testing/trees.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** A tiny PNG whose header claims 60000 × 60000 pixels (a decompression bomb's signature), CRC correct. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(60_000, 0);
  ihdr.writeUInt32BE(60_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.alloc(64)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface FacesReport {
  errors: { path: string; error: string }[];
  faces: { photosProcessed: number; failed: number };
}

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

  it('bad photos dropped in between runs: the run completes, each is reported once', {
    skip: skipWithoutTestData(),
  }, async () => {
    const tmp = tempDir();
    try {
      chmodSync(tmp.path, 0o755);
      const root = join(tmp.path, 'photos');
      const sample = join(requireTestData(), 'faces', 'compreface', 'sample_images');
      const [good, other] = readdirSync(sample).filter((name) => name.endsWith('.jpg'));
      mkdirSync(root);
      copyFileSync(join(sample, good as string), join(root, 'good.jpg'));
      const asUser = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
      if (isRoot) chownSync(tmp.path, NOBODY, NOBODY);
      const db = join(tmp.path, 'k.db');
      const run = async () => {
        const result = await runCli(['index', '--json', '--db', db, root], {
          ...asUser,
          env: cliEnv({ KINDRED_VISION_WORKERS: '1' }),
        });
        assert.equal(result.code, 0, result.stderr);
        return JSON.parse(result.stdout) as FacesReport;
      };
      assert.equal((await run()).faces.photosProcessed, 1);

      const jpeg = readFileSync(join(sample, other as string));
      writeTree(root, {
        'truncated.jpg': jpeg.subarray(0, Math.floor(jpeg.length * 0.4)),
        'bomb.png': pngBomb(),
        'empty.jpg': Buffer.alloc(0),
        'text.jpg': 'this is a shopping list, not a photo\n',
        'locked.jpg': jpeg,
        'loop/inside.jpg': jpeg,
      });
      chmodSync(join(root, 'locked.jpg'), 0o000);
      symlinkSync('..', join(root, 'loop', 'again'));
      const bad = ['truncated.jpg', 'bomb.png', 'empty.jpg', 'text.jpg', 'locked.jpg'];
      const second = await run();
      const reported = second.errors.map((e) => e.path.slice(root.length + 1));
      assert.deepEqual([...reported].sort(), [...bad].sort(), JSON.stringify(second.errors, null, 1));
      const byPath = Object.fromEntries(second.errors.map((e) => [e.path.slice(root.length + 1), e.error]));
      assert.equal(byPath['locked.jpg'], 'permission denied');
      assert.match(byPath['bomb.png'] ?? '', /pixel limit|too large|exceeds/i);
      assert.equal(second.faces.failed, 4, 'the four unreadable images are recorded as failed');
      assert.ok(second.faces.photosProcessed >= 1, 'the photo in the looped folder is analysed, once');
      const paths = readFiles(db).map((row) => row.path);
      assert.ok(!paths.some((p) => p.includes('/again/')), 'the link loop is walked once');

      const third = await run();
      assert.deepEqual(
        third.errors.map((e) => e.path.slice(root.length + 1)),
        ['locked.jpg'],
        'failed photos are not retried (only the still unreadable file is reported again)',
      );
      assert.equal(third.faces.photosProcessed + third.faces.failed, 0);
    } finally {
      chmodSync(join(tmp.path, 'photos', 'locked.jpg'), 0o644);
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
