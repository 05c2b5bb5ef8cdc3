import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parseTsv, requireTestData, skipWithoutTestData } from '@kindred/testing';
import type { AnalyzedPhoto } from './analyze.js';
import { faceDistance, SAME_PERSON_THRESHOLD } from './distance.js';
import type { Box } from './types.js';
import { createVisionPool } from './worker-pool.js';

/** Largest detected face of a photo (by area in pixels), or undefined. */
function largest(photo: AnalyzedPhoto) {
  return [...photo.faces].sort((a, b) => b.box.w * b.box.h - a.box.w * a.box.h)[0];
}

function inside(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h;
}

// One pass of the whole corpus through the default pipeline (2 workers); every assertion reads these results.
describe('default pipeline on ../shared/faces', { skip: skipWithoutTestData() }, () => {
  const faces = join(requireTestDataOrEmpty(), 'faces');
  const manifest = () => parseTsv(readFileSync(join(faces, 'MANIFEST.tsv'), 'utf8'));
  const pairs = () => parseTsv(readFileSync(join(faces, 'pairs.tsv'), 'utf8'));
  const noses = () => parseTsv(readFileSync(join(faces, 'compreface/sample_images/noses.tsv'), 'utf8'));
  const results = new Map<string, AnalyzedPhoto>();
  const failures = new Map<string, Error>();
  const memory = { rssMid: 0, rssEnd: 0, tensorsStart: 0, tensorsEnd: 0 };
  const photo = (path: string): AnalyzedPhoto => {
    const found = results.get(path);
    assert.ok(found, `${path}: ${failures.get(path)?.message ?? 'not analyzed'}`);
    return found;
  };

  before(
    async () => {
      const paths = new Set<string>();
      for (const row of manifest()) if (row.faces_expected !== '') paths.add(row.path as string);
      for (const row of pairs()) paths.add(row.pathA as string).add(row.pathB as string);
      for (const row of noses()) paths.add(`compreface/sample_images/${row.file}`);
      const pool = createVisionPool({ workers: 2 });
      try {
        memory.tensorsStart = await pool.tensorCount();
        const all = [...paths];
        const jobs: Promise<void>[] = [];
        for (const [i, path] of all.entries()) {
          await pool.whenReady();
          assert.ok(pool.pending < pool.capacity);
          if (i === Math.floor(all.length / 3)) memory.rssMid = process.memoryUsage().rss;
          jobs.push(
            pool.analyze(join(faces, path)).then(
              (result) => void results.set(path, result),
              (error: Error) => void failures.set(path, error),
            ),
          );
        }
        await Promise.all(jobs);
        memory.rssEnd = process.memoryUsage().rss;
        memory.tensorsEnd = await pool.tensorCount();
      } finally {
        await pool.close();
      }
    },
    { timeout: 45 * 60_000 },
  );

  test('every photo is analyzed', () => {
    assert.deepEqual(
      [...failures].map(([path, e]) => `${path}: ${e.message}`),
      [],
    );
  });

  test('exact face count on ≥ 93% of MANIFEST rows with faces_expected', (t) => {
    const rows = manifest().filter((row) => row.faces_expected !== '');
    const wrong = rows
      .map((row) => ({ path: row.path as string, expected: Number(row.faces_expected) }))
      .filter(({ path, expected }) => photo(path).faces.length !== expected)
      .map(({ path, expected }) => `${path}: expected ${expected}, found ${photo(path).faces.length}`);
    const exact = (rows.length - wrong.length) / rows.length;
    t.diagnostic(`exact on ${rows.length - wrong.length} of ${rows.length}; wrong: ${wrong.join('; ')}`);
    assert.ok(
      exact >= 0.93,
      `exact on ${(exact * 100).toFixed(1)}% of ${rows.length}; wrong:\n${wrong.join('\n')}`,
    );
  });

  test('each CompreFace nose falls inside exactly one detected box', () => {
    const bad = noses().filter((row) => {
      const result = photo(`compreface/sample_images/${row.file}`);
      const x = Number(row.nose_x) / result.width;
      const y = Number(row.nose_y) / result.height;
      return result.faces.filter((face) => inside(face.box, x, y)).length !== 1;
    });
    assert.deepEqual(bad, []);
  });

  test(`pairs.tsv verification accuracy ≥ 97.5% at threshold ${SAME_PERSON_THRESHOLD}`, {
    todo: 'accuracy below 97.5% (docs/vision.md)',
  }, (t) => {
    const all = pairs().map((row) => {
      const a = largest(photo(row.pathA as string));
      const b = largest(photo(row.pathB as string));
      const distance = a && b ? faceDistance(a.descriptor, b.descriptor) : Number.POSITIVE_INFINITY;
      return { distance, same: row.same_person === '1', pair: `${row.pathA} ~ ${row.pathB}` };
    });
    for (const threshold of [0.5, 0.55, 0.6]) {
      const right = all.filter((p) => p.distance < threshold === p.same).length;
      t.diagnostic(`accuracy at ${threshold}: ${((100 * right) / all.length).toFixed(2)}%`);
    }
    const wrong = all.filter((p) => p.distance < SAME_PERSON_THRESHOLD !== p.same);
    for (const p of wrong)
      t.diagnostic(`wrong: ${p.same ? 'same' : 'different'} ${p.distance.toFixed(3)} ${p.pair}`);
    const accuracy = 1 - wrong.length / all.length;
    assert.ok(
      accuracy >= 0.975,
      `accuracy ${(accuracy * 100).toFixed(2)}% (${wrong.length} wrong of ${all.length})`,
    );
  });

  // Not yet met: 240p vs the larger copies measured 0.159 (the larger copies agree within 0.08).
  test('the four obama-240p…1080p copies give descriptors within 0.15 of each other', {
    todo: '240p copy measured 0.159 from the others (docs/vision.md)',
  }, (t) => {
    const copies = ['240p', '480p', '720p', '1080p'].map((size) => {
      const face = largest(photo(`face_recognition/barack_obama/obama-${size}.jpg`));
      assert.ok(face, `obama-${size}: no face`);
      return face.descriptor;
    });
    const worst = Math.max(...copies.flatMap((a) => copies.map((b) => faceDistance(a, b))));
    t.diagnostic(`largest distance between the copies: ${worst.toFixed(3)}`);
    assert.ok(worst < 0.15, `${worst}`);
  });

  test('orientation fixtures: the face is found at the upright location for all 8 EXIF orientations', () => {
    const expected: Record<string, Box> = {
      landscape: { x: 0.4887, y: 0.0917, w: 0.1825, h: 0.3831 },
      portrait: { x: 0.3373, y: 0.1231, w: 0.2215, h: 0.1843 },
    };
    for (const [key, box] of Object.entries(expected)) {
      for (let o = 1; o <= 8; o++) {
        const result = photo(`orientation/${key}_o${o}.jpg`);
        assert.equal(result.orientation, o);
        assert.equal(result.faces.length, 1, `${key}_o${o}: ${result.faces.length} faces`);
        const found = result.faces[0]?.box as Box;
        for (const k of ['x', 'y', 'w', 'h'] as const) {
          assert.ok(Math.abs(found[k] - box[k]) <= 0.02, `${key}_o${o} ${k}: ${found[k]} vs ${box[k]}`);
        }
      }
    }
  });

  test('memory stays flat: no tensor leak in the workers, RSS steady over the second two thirds', (t) => {
    assert.equal(memory.tensorsEnd, memory.tensorsStart);
    const growthMb = (memory.rssEnd - memory.rssMid) / 2 ** 20;
    t.diagnostic(
      `tensors ${memory.tensorsStart} → ${memory.tensorsEnd}; RSS ${memory.rssMid >> 20} → ${memory.rssEnd >> 20} MB`,
    );
    assert.ok(growthMb < 100, `RSS grew ${growthMb.toFixed(0)} MB`);
  });
});

function requireTestDataOrEmpty(): string {
  return skipWithoutTestData() ? '' : requireTestData();
}
