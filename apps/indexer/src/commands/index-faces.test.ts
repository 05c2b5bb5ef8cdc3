import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '@kindred/db';
import { parseTsv, requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { finished, runCli, startCli } from '../testing/cli-runner.js';
import { querySql, waitForCount } from '../testing/trees.js';

/** Runs one writing statement, as a person editing in the gallery would. */
function execSql(dbPath: string, sql: string, ...params: unknown[]): void {
  const sqlite = openDatabase(dbPath).$client;
  try {
    sqlite.prepare(sql).run(...params);
  } finally {
    sqlite.close();
  }
}

interface FacesJson {
  files: Record<string, number>;
  faces: { photosProcessed: number; facesFound: number; failed: number };
  errors: { path: string; error: string }[];
}

interface ExportDoc {
  version: number;
  photos: {
    hash: string;
    paths: string[];
    width: number;
    faces: { state: string; person: string | null }[];
  }[];
}

async function indexWithFaces(db: string, roots: string[]): Promise<FacesJson> {
  const result = await runCli(['index', '--json', '--db', db, ...roots]);
  if (result.code !== 0) throw new Error(`kindred index exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as FacesJson;
}

async function exportDoc(db: string): Promise<ExportDoc> {
  const result = await runCli(['export', '--db', db]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as ExportDoc;
}

/** A few real photos with known face counts, copied into a temp tree (one group photo among them). */
function smallLibrary(root: string, data: string, count: number): string[] {
  const manifest = parseTsv(readFileSync(join(data, 'faces', 'MANIFEST.tsv'), 'utf8'));
  const picks = manifest
    .filter((row) => row.faces_expected !== '' && !row.path?.startsWith('orientation/'))
    .filter((_, i) => i % 7 === 0)
    .slice(0, count);
  return picks.map((row, i) => {
    const folder = join(root, `folder-${i % 3}`);
    mkdirSync(folder, { recursive: true });
    const target = join(folder, `${i}-${(row.path ?? '').split('/').pop()}`);
    copyFileSync(join(data, 'faces', row.path ?? ''), target);
    return target;
  });
}

describe('kindred index finds faces', { skip: skipWithoutTestData() }, () => {
  const tmp = tempDir();
  const db = join(tmp.path, 'k.db');
  let first: FacesJson;
  let photos: string[];

  before(async () => {
    photos = smallLibrary(join(tmp.path, 'photos'), requireTestData(), 12);
    writeFileSync(join(tmp.path, 'photos', 'notes.jpg'), 'this is text, not a JPEG\n');
    first = await indexWithFaces(db, [join(tmp.path, 'photos')]);
  });
  after(() => tmp.cleanup());

  it('processes every photo once and reports the bad one as failed', () => {
    assert.equal(first.faces.photosProcessed, photos.length);
    assert.equal(first.faces.failed, 1);
    assert.ok(first.faces.facesFound >= photos.length, `faces found: ${first.faces.facesFound}`);
    assert.ok(first.errors.some((e) => e.path.endsWith('notes.jpg')));
  });

  it('stores upright size, descriptor and landmarks for every face', () => {
    const rows = querySql<{ n: number; bad: number }>(
      db,
      `SELECT count(*) AS n, sum(length(descriptor) != 512 OR length(landmarks) != 544 OR x < 0 OR x + w > 1.001
         OR p.width IS NULL) AS bad FROM faces f JOIN photos p ON p.hash = f.photo_hash`,
    );
    assert.equal(rows[0]?.n, first.faces.facesFound);
    assert.equal(rows[0]?.bad, 0);
  });

  it('a second run processes nothing; a copy adds a path but processes nothing', async () => {
    const again = await indexWithFaces(db, []);
    assert.equal(again.faces.photosProcessed, 0);
    assert.equal(again.faces.failed, 0, 'a failed photo is not retried under the same pipeline');
    const copy = join(tmp.path, 'photos', 'copies');
    mkdirSync(copy);
    copyFileSync(photos[0] ?? '', join(copy, 'copy.jpg'));
    const third = await indexWithFaces(db, []);
    assert.equal(third.faces.photosProcessed, 0);
    const doc = await exportDoc(db);
    const copied = doc.photos.find((p) => p.paths.includes(join(copy, 'copy.jpg')));
    assert.equal(copied?.paths.length, 2);
  });

  it('a pipeline change keeps the person of a confirmed face', async () => {
    const [face] = querySql<{ id: number; hash: string }>(
      db,
      'SELECT id, photo_hash AS hash FROM faces ORDER BY score DESC LIMIT 1',
    );
    assert.ok(face);
    execSql(db, `INSERT INTO people (name) VALUES ('Grandma Rose')`);
    execSql(
      db,
      `UPDATE faces SET person_id = (SELECT id FROM people WHERE name = 'Grandma Rose'), state = 'confirmed',
         edited_by_user = 1, pipeline = 'old-pipeline' WHERE id = ?`,
      face.id,
    );
    execSql(db, `UPDATE photos SET faces_pipeline = 'old-pipeline' WHERE hash = ?`, face.hash);
    const rerun = await indexWithFaces(db, []);
    assert.equal(rerun.faces.photosProcessed, 1);
    const rows = querySql<{ person: string | null; state: string; pipeline: string; d: number }>(
      db,
      `SELECT p.name AS person, f.state, f.pipeline, length(f.descriptor) AS d FROM faces f
         LEFT JOIN people p ON p.id = f.person_id WHERE f.photo_hash = ?`,
      face.hash,
    );
    const confirmed = rows.filter((r) => r.state === 'confirmed');
    assert.equal(confirmed.length, 1, 'the confirmed face survives, and is not doubled by its re-detection');
    assert.equal(confirmed[0]?.person, 'Grandma Rose');
    assert.notEqual(confirmed[0]?.pipeline, 'old-pipeline');
    assert.equal(confirmed[0]?.d, 512);
  });
});

describe('a killed faces run resumes', { skip: skipWithoutTestData() }, () => {
  it('loses no stored face and processes no photo twice', async () => {
    const tmp = tempDir();
    try {
      const db = join(tmp.path, 'k.db');
      const root = join(tmp.path, 'photos');
      const photos = smallLibrary(root, requireTestData(), 24);
      const child = startCli(['index', '--json', '--db', db, root]);
      const done = finished(child);
      await waitForCount(
        db,
        'SELECT count(*) AS n FROM photos WHERE faces_pipeline IS NOT NULL',
        4,
        100,
        600,
      );
      child.kill('SIGKILL');
      await done;
      const [stored] = querySql<{ n: number; faces: number }>(
        db,
        `SELECT count(*) AS n, (SELECT count(*) FROM faces) AS faces FROM photos WHERE faces_pipeline IS NOT NULL`,
      );
      assert.ok(stored && stored.n >= 4 && stored.n < photos.length, `stored before the kill: ${stored?.n}`);
      const resumed = await indexWithFaces(db, []);
      assert.equal(resumed.faces.photosProcessed, photos.length - stored.n);
      const [integrity] = querySql<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
      assert.equal(integrity?.integrity_check, 'ok');
      const [perPhoto] = querySql<{ doubled: number }>(
        db,
        `SELECT count(*) AS doubled FROM (SELECT photo_hash, x, y FROM faces GROUP BY photo_hash, x, y HAVING count(*) > 1)`,
      );
      assert.equal(perPhoto?.doubled, 0);
    } finally {
      tmp.cleanup();
    }
  });
});
