import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import sharp from 'sharp';
import { runCli } from '../testing/cli-runner.js';
import { querySql } from '../testing/trees.js';

/**
 * A camera-RAW file (a TIFF-based `.NEF`, as real NEFs are) tagged Orientation 6, with a Picasa face
 * on the stored grid: left 0.1, top 0.2, right 0.3, bottom 0.6. Upright that is x 0.4, y 0.1, w 0.4, h 0.2.
 */
test('a RAW photo’s Picasa box is upright after the first kindred index', {
  skip: skipWithoutTestData(),
}, async () => {
  const tmp = tempDir('kindred-raw-');
  try {
    const lib = join(tmp.path, 'lib');
    mkdirSync(lib);
    await sharp(join(requireTestData(), 'faces', 'orientation', 'landscape_o1.jpg'))
      .resize(300)
      .withMetadata({ orientation: 6 })
      .tiff()
      .toFile(join(lib, 'IMG_0001.NEF'));
    writeFileSync(
      join(lib, '.picasa.ini'),
      '[IMG_0001.NEF]\r\nfaces=rect64(199a33334ccd9999),1111111111111111\r\n[Contacts2]\r\n1111111111111111=Someone;;\r\n',
    );
    const db = join(tmp.path, 'k.db');
    // With --no-faces nothing else reads the orientation: the import must learn it itself.
    const result = await runCli(['index', '--json', '--no-faces', '--db', db, lib]);
    assert.equal(result.code, 0, result.stderr);
    const [face] = querySql<{ x: number; y: number; w: number; h: number }>(
      db,
      `SELECT x, y, w, h FROM faces WHERE source = 'picasa'`,
    );
    assert.ok(face);
    const expected = { x: 0.4, y: 0.1, w: 0.4, h: 0.2 };
    for (const k of ['x', 'y', 'w', 'h'] as const) {
      assert.ok(Math.abs(face[k] - expected[k]) < 1e-3, `${k}: ${face[k]} ≈ ${expected[k]}`);
    }
  } finally {
    tmp.cleanup();
  }
});
