import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '@kindred/db';
import { tempDir } from '@kindred/testing';
import sharp from 'sharp';
import { indexJson, runCli } from '../testing/cli-runner.js';
import { writeTree } from '../testing/trees.js';

/** A small real JPEG of one grey level (distinct levels, distinct contents). */
function jpeg(level: number): Promise<Buffer> {
  return sharp({
    create: { width: 16, height: 16, channels: 3, background: { r: level, g: level, b: level } },
  })
    .jpeg()
    .toBuffer();
}

describe('kindred report and the notify hook', () => {
  it('lists new, moved, removed and failed photos of the last run; --notify-command gets the same JSON', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      const db = join(tmp.path, 'k.db');
      const [a, b, c, d] = await Promise.all([10, 60, 110, 160].map(jpeg));
      writeTree(root, {
        'a.jpg': a as Buffer,
        'b.jpg': b as Buffer,
        'c.jpg': c as Buffer,
        'notes.txt': 'text',
      });
      await indexJson(db, [root]);
      mkdirSync(join(root, 'sub'));
      renameSync(join(root, 'b.jpg'), join(root, 'sub', 'b.jpg'));
      rmSync(join(root, 'c.jpg'));
      writeTree(root, { 'd.jpg': d as Buffer, 'e.txt': 'not a photo either' });
      symlinkSync(join(root, 'gone.jpg'), join(root, 'broken.jpg'));
      const hook = join(tmp.path, 'hook.json');
      const second = await runCli(['index', '--no-faces', '--db', db, '--notify-command', `cat > '${hook}'`]);
      assert.equal(second.code, 0, second.stderr);

      const report = await runCli(['report', '--json', '--db', db]);
      assert.equal(report.code, 0, report.stderr);
      const digest = JSON.parse(report.stdout);
      assert.deepEqual(digest.photos, {
        new: [join(root, 'd.jpg')],
        moved: [{ from: join(root, 'b.jpg'), to: join(root, 'sub', 'b.jpg') }],
        removed: [join(root, 'c.jpg')],
      });
      assert.deepEqual(digest.failed, [
        { path: join(root, 'broken.jpg'), error: 'broken symbolic link (its target does not exist)' },
      ]);
      assert.equal(digest.runs.length, 1);
      assert.deepEqual(JSON.parse(readFileSync(hook, 'utf8')), digest, 'the hook got the report on stdin');

      const all = JSON.parse(
        (await runCli(['report', '--json', '--since', '2000-01-01', '--db', db])).stdout,
      );
      assert.equal(all.runs.length, 2);
      assert.deepEqual(
        all.photos.new,
        ['a.jpg', 'd.jpg', 'sub/b.jpg'].map((p) => join(root, p)),
      );
      assert.deepEqual(all.photos.removed, [], 'c.jpg came and went within the period');

      const text = await runCli(['report', '--db', db]);
      assert.match(
        text.stdout,
        /New photos: 1\n {2}.*d\.jpg\nMoved: 1\n {2}.*b\.jpg → .*sub\/b\.jpg\nRemoved: 1/,
      );
      const failing = await runCli(['report', '--db', db, '--notify-command', 'echo oops >&2; exit 7']);
      assert.equal(failing.code, 1);
      assert.match(failing.stderr, /notify command failed: exit 7: oops/);
      const badDate = await runCli(['report', '--db', db, '--since', 'yesterday-ish']);
      assert.match(badDate.stderr, /--since: not a date/);
    } finally {
      tmp.cleanup();
    }
  });

  it('names faces found in the period by person and counts new unknown groups', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      const db = join(tmp.path, 'k.db');
      writeTree(root, { 'a.jpg': await jpeg(200) });
      await indexJson(db, [root]);
      const sqlite = openDatabase(db).$client;
      const hash = (sqlite.prepare('SELECT content_hash AS h FROM files').get() as { h: string }).h;
      sqlite.prepare('INSERT OR IGNORE INTO photos (hash) VALUES (?)').run(hash);
      const ann = Number(sqlite.prepare(`INSERT INTO people (name) VALUES ('Ann')`).run().lastInsertRowid);
      const group = Number(sqlite.prepare('INSERT INTO clusters (size) VALUES (2)').run().lastInsertRowid);
      const face = sqlite.prepare(
        `INSERT INTO faces (photo_hash, x, y, w, h, source, person_id, state, cluster_id) VALUES (?, 0, 0, 0.1, 0.1, 'detected', ?, ?, ?)`,
      );
      face.run(hash, ann, 'confirmed', null);
      face.run(hash, ann, 'suggested', null);
      face.run(hash, null, 'unassigned', group);
      face.run(hash, null, 'unassigned', group);
      // The faces belong to the last run's period: end it now.
      sqlite.prepare(`UPDATE runs SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ','now', '+1 second')`).run();
      sqlite.close();
      const digest = JSON.parse((await runCli(['report', '--json', '--db', db])).stdout);
      assert.deepEqual(digest.named, [{ person: 'Ann', confirmed: 1, suggested: 1 }]);
      assert.deepEqual(digest.unknownGroups, [{ id: group, faces: 2 }]);
    } finally {
      tmp.cleanup();
    }
  });
});
