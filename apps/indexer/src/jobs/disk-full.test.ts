import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { cliEnv, indexJson, runCli } from '../testing/cli-runner.js';
import { mountSmallDisk } from '../testing/small-disk.js';
import { querySql, writeRandomTree } from '../testing/trees.js';

/**
 * A full disk under the database: a real tmpfs where it can be mounted, else SQLite's max_page_count
 * (KINDRED_TEST_MAX_DB_PAGES). Returns the database path, a function that fills the disk (leaving `free`
 * bytes, or `pages` more pages) and one that gives the space back, as env for the CLI.
 */
function fullDisk(dir: string) {
  const disk = mountSmallDisk(join(dir, 'disk'), 16 * 1024 * 1024);
  const db = join(disk?.path ?? join(dir, 'disk'), 'k.db');
  let release = () => {};
  let env = cliEnv();
  return {
    db,
    mode: disk ? 'tmpfs' : 'max_page_count',
    fill(free: number, pages: number) {
      if (disk) release = disk.fillLeaving(free);
      else {
        const count = querySql<{ page_count: number }>(db, 'PRAGMA page_count')[0]?.page_count ?? 0;
        env = cliEnv({ KINDRED_TEST_MAX_DB_PAGES: String(count + pages) });
      }
    },
    env: () => env,
    release() {
      release();
      env = cliEnv();
    },
    cleanup: () => disk?.unmount(),
  };
}

const integrity = (db: string) =>
  querySql<{ integrity_check: string }>(db, 'PRAGMA integrity_check')[0]?.integrity_check;

describe('a full disk stops the run with a clear message; the database stays valid; the next run succeeds', () => {
  it('while recording files', async (t) => {
    const tmp = tempDir();
    const disk = fullDisk(tmp.path);
    try {
      t.diagnostic(`full disk by ${disk.mode}`);
      const root = join(tmp.path, 'photos');
      writeRandomTree(join(root, 'first'), 20, 100);
      await indexJson(disk.db, [root]);
      writeRandomTree(join(root, 'second'), 4000, 100);
      disk.fill(256 * 1024, 40);
      const full = await runCli(['index', '--no-faces', '--db', disk.db], { env: disk.env() });
      assert.equal(full.code, 1, full.stderr);
      assert.match(
        full.stderr,
        /^kindred: index run failed: the disk holding .*k\.db is full .*free some space/m,
      );
      assert.doesNotMatch(full.stderr, /unexpected error/);
      assert.equal(integrity(disk.db), 'ok');
      disk.release();
      const next = await indexJson(disk.db, []);
      assert.equal(next.files.seen, 4020);
      assert.equal(
        querySql<{ n: number }>(disk.db, `SELECT COUNT(*) AS n FROM files WHERE status = 'present'`)[0]?.n,
        4020,
      );
      assert.equal(integrity(disk.db), 'ok');
    } finally {
      disk.cleanup();
      tmp.cleanup();
    }
  });

  it('while storing faces: no photo is marked failed for it', { skip: skipWithoutTestData() }, async (t) => {
    const tmp = tempDir();
    const disk = fullDisk(tmp.path);
    try {
      t.diagnostic(`full disk by ${disk.mode}`);
      const root = join(tmp.path, 'photos');
      mkdirSync(root);
      const sample = join(requireTestData(), 'faces', 'compreface', 'sample_images');
      for (const name of readdirSync(sample)
        .filter((n) => n.endsWith('.jpg'))
        .slice(0, 12))
        copyFileSync(join(sample, name), join(root, name));
      await indexJson(disk.db, [root]); // files recorded, no faces yet
      disk.fill(128 * 1024, 6);
      const env = { ...disk.env(), KINDRED_VISION_WORKERS: '1' };
      const full = await runCli(['index', '--db', disk.db], { env });
      assert.equal(full.code, 1, full.stderr);
      assert.match(full.stderr, /the disk holding .*k\.db is full/);
      assert.equal(integrity(disk.db), 'ok');
      const marked = querySql<{ n: number }>(
        disk.db,
        'SELECT COUNT(*) AS n FROM photos WHERE faces_error IS NOT NULL',
      );
      assert.equal(marked[0]?.n, 0, 'a full disk is not a bad photo');
      const before =
        querySql<{ n: number }>(
          disk.db,
          'SELECT COUNT(*) AS n FROM photos WHERE faces_pipeline IS NOT NULL',
        )[0]?.n ?? 0;
      disk.release();
      const next = await runCli(['index', '--json', '--db', disk.db], {
        env: cliEnv({ KINDRED_VISION_WORKERS: '1' }),
      });
      assert.equal(next.code, 0, next.stderr);
      const faces = JSON.parse(next.stdout).faces;
      assert.equal(
        before + faces.photosProcessed,
        12,
        'each photo processed once: before the full disk or after',
      );
      assert.equal(faces.failed, 0);
      assert.equal(integrity(disk.db), 'ok');
    } finally {
      disk.cleanup();
      tmp.cleanup();
    }
  });
});
