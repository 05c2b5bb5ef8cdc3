import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '@kindred/db';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { cliEnv, indexJson, runCli, startCli } from '../testing/cli-runner.js';
import { querySql, waitForCount, writeRandomTree, writeTree } from '../testing/trees.js';

const count = (db: string, table: string) =>
  querySql<{ n: number }>(db, `SELECT COUNT(*) AS n FROM ${table}`)[0]?.n;

/** A one-file library in `dir` (k.db) and its first backup. */
async function backedUpLibrary(dir: string): Promise<{ db: string; backup: string }> {
  const db = join(dir, 'k.db');
  writeTree(dir, { 'p/a.txt': 'a' });
  await indexJson(db, [join(dir, 'p')]);
  const backup = JSON.parse((await runCli(['backup', '--db', db, '--json'])).stdout).path as string;
  return { db, backup };
}

describe('kindred backup, restore and doctor', () => {
  it('backs up while another connection reads and writes, rotates, and restores with verification', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      const db = join(tmp.path, 'k.db');
      const dir = join(tmp.path, 'backups');
      writeRandomTree(root, 300, 64);
      await indexJson(db, [root]);
      // A gallery-like connection in the middle of a read, and writes going on, during the backup.
      const other = openDatabase(db).$client;
      const reading = other.prepare('SELECT path FROM files').iterate();
      reading.next();
      const first = await runCli(['backup', '--db', db, '--to', dir, '--keep', '2', '--json']);
      assert.equal(first.code, 0, first.stderr);
      (reading as IterableIterator<unknown> & { return(): unknown }).return();
      other.prepare(`INSERT INTO settings (key, value) VALUES ('after-backup', '1')`).run();
      other.close();
      const made = JSON.parse(first.stdout);
      assert.equal(made.check.integrity, 'ok');
      assert.equal(made.check.counts.files, 300);
      for (let i = 0; i < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 5)); // distinct millisecond names
        assert.equal((await runCli(['backup', '--db', db, '--to', dir, '--keep', '2'])).code, 0);
      }
      const kept = readdirSync(dir).sort();
      assert.equal(kept.length, 2, 'rotation keeps the newest two');
      assert.ok(!kept.includes(made.path.slice(dir.length + 1)), 'the oldest went');

      writeRandomTree(join(root, 'more'), 50, 64);
      await indexJson(db, []);
      assert.equal(count(db, 'files'), 350);
      const restored = await runCli(['restore', join(dir, kept[1] as string), '--db', db]);
      assert.equal(restored.code, 0, restored.stderr);
      assert.match(restored.stdout, /integrity ok; 300 files/);
      assert.equal(count(db, 'files'), 300);
      const aside = readdirSync(tmp.path).find((name) => name.startsWith('k.db.before-restore-'));
      assert.ok(aside, 'the database as it was is kept');
      assert.equal(count(join(tmp.path, aside), 'files'), 350);
      assert.equal((await indexJson(db, [])).files.new, 50, 'the restored database indexes on');
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses a damaged file, a file that is not Kindred, and a file from a newer Kindred', async () => {
    const tmp = tempDir();
    try {
      const { db, backup } = await backedUpLibrary(tmp.path);

      // The first two pages as they were, then garbage: a disk that lost its tail.
      const damaged = join(tmp.path, 'damaged.db');
      const garbage = Buffer.alloc(4096 * 3, 0x5a);
      writeFileSync(damaged, Buffer.concat([readFileSync(backup).subarray(0, 4096 * 2), garbage]));
      const foreign = join(tmp.path, 'foreign.db');
      const plain = openDatabase(foreign).$client;
      plain.exec('DROP TABLE files');
      plain.close();
      const newer = join(tmp.path, 'newer.db');
      copyFileSync(backup, newer);
      const sqlite = openDatabase(newer).$client;
      sqlite
        .prepare(
          `INSERT INTO __drizzle_migrations (hash, created_at, name) VALUES ('x', 1, '29990101000000_future')`,
        )
        .run();
      sqlite.close();
      for (const [file, message] of [
        [damaged, /restore refused: .*(damaged|malformed|not a database)/],
        [foreign, /restore refused: .* is not a Kindred database/],
        [newer, /restore refused: .*newer Kindred \(migrations 29990101000000_future/],
        [join(tmp.path, 'missing.db'), /restore refused: cannot open/],
      ] as const) {
        const result = await runCli(['restore', file, '--db', db]);
        assert.equal(result.code, 1, `${file}: ${result.stderr}`);
        assert.match(result.stderr, message);
      }
      assert.equal(count(db, 'files'), 1, 'the database is untouched');
    } finally {
      tmp.cleanup();
    }
  });

  it('refuses while an index run holds the database (exit 3)', { skip: skipWithoutTestData() }, async () => {
    const tmp = tempDir();
    try {
      const { db, backup } = await backedUpLibrary(tmp.path);
      const photos = join(tmp.path, 'p', 'faces');
      mkdirSync(photos);
      const lfw = join(requireTestData(), 'faces', 'lfw');
      for (const name of readdirSync(lfw, { recursive: true })
        .map(String)
        .filter((n) => n.endsWith('.jpg'))
        .slice(0, 6))
        copyFileSync(join(lfw, name), join(photos, name.replace(/\//g, '_')));
      const run = startCli(['index', '--db', db], { env: cliEnv({ KINDRED_VISION_WORKERS: '1' }) });
      await waitForCount(db, `SELECT COUNT(*) AS n FROM runs WHERE status = 'running'`, 1);
      const refused = await runCli(['restore', backup, '--db', db]);
      run.kill('SIGKILL');
      assert.equal(refused.code, 3, refused.stderr);
      assert.match(refused.stderr, /"kindred index" is running on .*; restore when it has finished/);
    } finally {
      tmp.cleanup();
    }
  });

  it('doctor: integrity, files missing from disk, cache size', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.path, 'k.db');
      writeTree(tmp.path, { 'p/a.jpg': 'a', 'p/b.jpg': 'b', 'cache/thumbs/x.webp': 'x'.repeat(1000) });
      await indexJson(db, [join(tmp.path, 'p')]);
      rmSync(join(tmp.path, 'p', 'b.jpg'));
      const result = await runCli(['doctor', '--json', '--db', db], {
        env: cliEnv({ KINDRED_BACKEND: 'cpu' }),
      });
      assert.equal(result.code, 0, result.stderr);
      const { database, backend } = JSON.parse(result.stdout);
      assert.equal(backend.name, 'cpu');
      assert.deepEqual(database.integrity, ['ok']);
      assert.equal(database.foreignKeyViolations, 0);
      assert.deepEqual(database.missingFiles, {
        count: 1,
        checked: 2,
        examples: [join(tmp.path, 'p', 'b.jpg')],
      });
      assert.deepEqual([database.sizes.cacheBytes, database.sizes.cacheFiles], [1000, 1]);
      assert.ok(
        database.orphans.every((o: { serious: boolean; count: number }) => !o.serious || o.count === 0),
      );
    } finally {
      tmp.cleanup();
    }
  });
});
