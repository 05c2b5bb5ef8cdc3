import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import sharp from 'sharp';
import { cliEnv, runCli } from '../testing/cli-runner.js';
import { querySql } from '../testing/trees.js';

describe('a photo that hangs a vision worker during kindred index', { skip: skipWithoutTestData() }, () => {
  it('is recorded as failed once, its worker is replaced, and the other photos are processed', async () => {
    const tmp = tempDir();
    try {
      const root = join(tmp.path, 'photos');
      mkdirSync(root);
      const sample = join(requireTestData(), 'faces', 'compreface', 'sample_images');
      const photos = readdirSync(sample)
        .filter((name) => name.endsWith('.jpg'))
        .slice(0, 3);
      for (const name of photos) copyFileSync(join(sample, name), join(root, name));
      // The worker spins forever on a photo of exactly this size (KINDRED_TEST_VISION_HANG, see worker.ts).
      await sharp({ create: { width: 123, height: 77, channels: 3, background: '#808080' } })
        .jpeg()
        .toFile(join(root, 'hangs.jpg'));
      const db = join(tmp.path, 'k.db');
      const env = cliEnv({
        KINDRED_TEST_VISION_HANG: '123x77',
        KINDRED_VISION_TIMEOUT_MS: '10000',
        KINDRED_VISION_WORKERS: '1',
      });
      const first = await runCli(['index', '--json', '--db', db, root], { env });
      assert.equal(first.code, 0, first.stderr);
      const report = JSON.parse(first.stdout);
      assert.deepEqual(report.faces, { photosProcessed: 3, facesFound: report.faces.facesFound, failed: 1 });
      assert.ok(report.faces.facesFound >= 3, 'the photos after the hang were analysed by the new worker');
      const hung = report.errors.filter((e: { path: string }) => e.path.endsWith('hangs.jpg'));
      assert.equal(hung.length, 1, 'reported once');
      assert.match(hung[0].error, /no result after 10000 ms; worker replaced/);
      const stored = querySql<{ done: number; failed: number }>(
        db,
        'SELECT COUNT(faces_pipeline) AS done, COUNT(faces_error) AS failed FROM photos',
      )[0];
      assert.deepEqual({ ...stored }, { done: 3, failed: 1 });

      const second = await runCli(['index', '--json', '--db', db], { env });
      assert.equal(second.code, 0, second.stderr);
      assert.deepEqual(JSON.parse(second.stdout).faces, { photosProcessed: 0, facesFound: 0, failed: 0 });
    } finally {
      tmp.cleanup();
    }
  });
});
