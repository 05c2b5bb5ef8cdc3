import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '@kindred/db';
import { skipWithoutTestData, tempDir } from '@kindred/testing';
import { runCli } from '../testing/cli-runner.js';
import { querySql } from '../testing/trees.js';
import {
  copyOrientationPhoto,
  exiftool,
  mpArgs,
  mwgArgs,
  skipWithoutExiftool,
  storedBox,
  UPRIGHT_FACE,
} from './exiftool-fixtures.js';

const skip = skipWithoutTestData() || skipWithoutExiftool();

interface XmpJson {
  errors: { path: string; error: string }[];
  xmp: { files: number; regions: number; facesAdded: number; facesKeptDeleted: number; failed: number };
}

async function index(db: string, roots: string[], faces = false): Promise<XmpJson> {
  const result = await runCli(['index', '--json', ...(faces ? [] : ['--no-faces']), '--db', db, ...roots]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as XmpJson;
}

interface FaceRow {
  id: number;
  path: string;
  name: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  score: number | null;
  source: string;
}

const xmpFaces = (db: string) =>
  querySql<FaceRow>(
    db,
    `SELECT f.id, fl.path, p.name, f.x, f.y, f.w, f.h, f.score, f.source FROM faces f
     JOIN files fl ON fl.content_hash = f.photo_hash AND fl.status = 'present'
     LEFT JOIN people p ON p.id = f.person_id WHERE f.source = 'xmp' ORDER BY fl.path`,
  );

function assertBox(
  face: FaceRow | undefined,
  expected: { x: number; y: number; w: number; h: number },
  label: string,
) {
  assert.ok(face, `${label}: a face`);
  for (const k of ['x', 'y', 'w', 'h'] as const) {
    assert.ok(Math.abs(face[k] - expected[k]) < 1e-4, `${label}: ${k} ${face[k]} ≈ ${expected[k]}`);
  }
}

describe('kindred index reads XMP face regions', { skip }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let lib: string;
  let db: string;
  const rose = UPRIGHT_FACE.landscape;
  const kit = UPRIGHT_FACE.portrait;
  const at = (name: string) => join(lib, name);

  before(() => {
    tmp = tempDir('kindred-xmp-');
    lib = join(tmp.path, 'lib');
    db = join(tmp.path, 'k.db');
    const photo = (source: string, name: string) => copyOrientationPhoto(source, at(name));
    mkdirSync(lib);
    // MWG embedded, orientations 1, 6 and 8 (stored-grid regions, AppliedToDimensions = stored pixels).
    exiftool([
      '-overwrite_original',
      ...mwgArgs(rose, rose.name, { w: 800, h: 499 }),
      photo('landscape_o1.jpg', 'mwg_o1.jpg'),
    ]);
    exiftool([
      '-overwrite_original',
      ...mwgArgs(storedBox(rose, 6), rose.name, { w: 499, h: 800 }),
      photo('landscape_o6.jpg', 'mwg_o6.jpg'),
    ]);
    exiftool([
      '-overwrite_original',
      ...mwgArgs(storedBox(kit, 8), kit.name, { w: 800, h: 532 }),
      photo('portrait_o8.jpg', 'mwg_o8.jpg'),
    ]);
    // Microsoft MP embedded (top-left rectangles), orientations 6 and 8.
    exiftool([
      '-overwrite_original',
      ...mpArgs(storedBox(kit, 6), kit.name),
      photo('portrait_o6.jpg', 'mp_o6.jpg'),
    ]);
    exiftool([
      '-overwrite_original',
      ...mpArgs(storedBox(rose, 8), rose.name),
      photo('landscape_o8.jpg', 'mp_o8.jpg'),
    ]);
    // Sidecars: photo.jpg.xmp (digiKam, darktable) and photo.xmp (Lightroom).
    photo('landscape_o6.jpg', 'side_full.jpg');
    exiftool(['-o', at('side_full.jpg.xmp'), ...mwgArgs(storedBox(rose, 6), rose.name, { w: 499, h: 800 })]);
    photo('portrait_o8.jpg', 'side_stem.jpg');
    exiftool(['-o', at('side_stem.xmp'), ...mwgArgs(storedBox(kit, 8), kit.name, { w: 800, h: 532 })]);
    // A writer that measured on the displayed image: its AppliedToDimensions have the displayed shape.
    exiftool([
      '-overwrite_original',
      ...mwgArgs(rose, rose.name, { w: 800, h: 499 }),
      photo('landscape_o6.jpg', 'displayed_o6.jpg'),
    ]);
    // Malformed XMP in a sidecar: that photo is reported, the run goes on.
    photo('landscape_o1.jpg', 'broken.jpg');
    writeFileSync(
      at('broken.jpg.xmp'),
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><unclosed></x:xmpmeta>',
    );
  });
  after(() => tmp?.cleanup());

  test('each convention and orientation lands on the upright face, named', async () => {
    const first = await index(db, [lib]);
    assert.equal(first.xmp.failed, 1);
    assert.match(first.errors.find((e) => e.path === at('broken.jpg'))?.error ?? '', /malformed XML/);
    const faces = xmpFaces(db);
    const byPath = new Map(faces.map((f) => [f.path, f]));
    assertBox(byPath.get(at('mwg_o1.jpg')), rose, 'MWG o1');
    assertBox(byPath.get(at('mwg_o6.jpg')), rose, 'MWG o6');
    assertBox(byPath.get(at('mwg_o8.jpg')), kit, 'MWG o8');
    assertBox(byPath.get(at('mp_o6.jpg')), kit, 'MP o6');
    assertBox(byPath.get(at('mp_o8.jpg')), rose, 'MP o8');
    assertBox(byPath.get(at('side_full.jpg')), rose, 'photo.jpg.xmp');
    assertBox(byPath.get(at('side_stem.jpg')), kit, 'photo.xmp');
    assertBox(byPath.get(at('displayed_o6.jpg')), rose, 'displayed-grid MWG');
    assert.equal(byPath.get(at('mp_o6.jpg'))?.name, kit.name);
    assert.equal(byPath.get(at('mwg_o6.jpg'))?.name, rose.name);
    const people = querySql<{ name: string }>(db, 'SELECT name FROM people ORDER BY name');
    assert.deepEqual(
      people.map((p) => p.name),
      [kit.name, rose.name],
      'one person per name',
    );
    const states = querySql<{ state: string }>(db, `SELECT DISTINCT state FROM faces WHERE source = 'xmp'`);
    assert.deepEqual(
      states.map((s) => s.state),
      ['confirmed'],
    );
  });

  test('read again only when the photo or a sidecar changes; a face deleted in Kindred stays deleted', async () => {
    const quiet = await index(db, []);
    assert.equal(quiet.xmp.files, 0, 'nothing changed: no XMP read');
    const before = xmpFaces(db).find((f) => f.path === at('side_full.jpg'));
    exiftool(['-overwrite_original', '-XMP-mwg-rs:RegionName=Rosie', at('side_full.jpg.xmp')]);
    const renamed = await index(db, []);
    assert.equal(renamed.xmp.files, 1, 'only the photo whose sidecar changed');
    const after = xmpFaces(db).find((f) => f.path === at('side_full.jpg'));
    assert.equal(after?.id, before?.id, 'the same face');
    assert.equal(after?.name, 'Rosie');

    // The family deletes the face (what the gallery's deleteFace does), then the sidecar changes again.
    const sqlite = openDatabase(db).$client;
    sqlite.prepare('DELETE FROM faces WHERE id = ?').run(after?.id);
    sqlite.close();
    exiftool(['-overwrite_original', '-XMP-dc:Title=edited elsewhere', at('side_full.jpg.xmp')]);
    const edited = await index(db, []);
    assert.equal(edited.xmp.facesKeptDeleted, 1);
    assert.equal(edited.xmp.facesAdded, 0);
    assert.equal(xmpFaces(db).filter((f) => f.path === at('side_full.jpg')).length, 0, 'not brought back');

    // Fixed XMP is read on the next run.
    const good = join(tmp.path, 'good.xmp');
    exiftool(['-o', good, ...mwgArgs(rose, rose.name, { w: 800, h: 499 })]);
    writeFileSync(at('broken.jpg.xmp'), readFileSync(good));
    const fixed = await index(db, []);
    assert.equal(fixed.xmp.failed, 0);
    assertBox(
      xmpFaces(db).find((f) => f.path === at('broken.jpg')),
      rose,
      'fixed sidecar',
    );
  });
  test('the faces step pairs XMP faces with detections one-to-one (no second face on the same person)', async () => {
    const run = await index(db, [], true);
    assert.equal(
      run.errors.filter((e) => !e.path.endsWith('broken.jpg')).length,
      0,
      JSON.stringify(run.errors),
    );
    for (const name of ['mwg_o6.jpg', 'mwg_o8.jpg', 'mp_o6.jpg', 'mp_o8.jpg', 'side_stem.jpg']) {
      const rows = querySql<{ source: string; score: number | null }>(
        db,
        `SELECT f.source, f.score FROM faces f JOIN files fl ON fl.content_hash = f.photo_hash
         WHERE fl.path = ? ORDER BY f.id`,
        at(name),
      );
      assert.deepEqual(
        rows.map((r) => r.source),
        ['xmp'],
        `${name}: the detection was absorbed by the XMP face`,
      );
      assert.ok(rows[0]?.score !== null, `${name}: the XMP face took the detection's descriptor`);
    }
  });
});
