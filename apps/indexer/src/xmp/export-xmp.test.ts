import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { skipWithoutTestData, tempDir } from '@kindred/testing';
import sharp from 'sharp';
import { runCli } from '../testing/cli-runner.js';
import { querySql } from '../testing/trees.js';
import {
  copyOrientationPhoto,
  exiftool,
  exiftoolJson,
  mpArgs,
  mwgArgs,
  skipWithoutExiftool,
  storedBox,
  UPRIGHT_FACE,
} from './exiftool-fixtures.js';

const skip = skipWithoutTestData() || skipWithoutExiftool();

async function kindred(args: string[]) {
  const result = await runCli(args);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

type Box = { x: number; y: number; w: number; h: number };
interface Region {
  Area: { X: number; Y: number; W: number; H: number; Unit: string };
  Name: string;
  Type: string;
}

/** exiftool's reading of a file's MWG regions, as top-left boxes with names. */
function exiftoolRegions(path: string): { box: Box; name: string }[] {
  const [tags] = exiftoolJson(['-XMP:RegionInfo', path]);
  const list = ((tags?.RegionInfo as { RegionList?: Region[] })?.RegionList ?? []) as Region[];
  return list.map((r) => ({
    box: { x: r.Area.X - r.Area.W / 2, y: r.Area.Y - r.Area.H / 2, w: r.Area.W, h: r.Area.H },
    name: r.Name,
  }));
}

function assertSameBox(actual: Box | undefined, expected: Box, label: string) {
  assert.ok(actual, label);
  for (const k of ['x', 'y', 'w', 'h'] as const) {
    assert.ok(Math.abs(actual[k] - expected[k]) < 1e-5, `${label}: ${k} ${actual[k]} ≈ ${expected[k]}`);
  }
}

/** Every tag exiftool sees outside XMP (EXIF, IPTC, ICC, JFIF, maker notes, …), for before/after. */
function tagsOutsideXmp(path: string) {
  const [tags] = exiftoolJson([
    '-a',
    '-G1',
    '-All',
    '--XMP:All',
    '--File:All',
    '--System:All',
    '--Composite:All',
    '--ExifTool:All',
    path,
  ]);
  return tags;
}

const decoded = async (path: string) => sharp(path).rotate().raw().toBuffer();

describe('kindred xmp export: what it writes, Kindred and exiftool read back identically', { skip }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let lib: string;
  let db: string;
  const rose = UPRIGHT_FACE.landscape;
  const kit = UPRIGHT_FACE.portrait;
  const photo6 = () => join(lib, 'rose_o6.jpg');
  const photo8 = () => join(lib, 'kit_o8.jpg');

  before(async () => {
    tmp = tempDir('kindred-xmp-export-');
    lib = join(tmp.path, 'lib');
    db = join(tmp.path, 'k.db');
    mkdirSync(lib);
    const other = [
      '-Artist=Grandpa',
      '-EXIF:DateTimeOriginal=2009:07:04 13:45:10',
      '-IPTC:Keywords=beach',
      '-XMP-dc:Title=Summer',
    ];
    copyOrientationPhoto('landscape_o6.jpg', photo6());
    exiftool([
      '-overwrite_original',
      ...other,
      ...mwgArgs(storedBox(rose, 6), rose.name, { w: 499, h: 800 }),
      photo6(),
    ]);
    copyOrientationPhoto('portrait_o8.jpg', photo8());
    exiftool(['-overwrite_original', ...other, ...mpArgs(storedBox(kit, 8), kit.name), photo8()]);
    await kindred(['index', '--no-faces', '--json', '--db', db, lib]);
  });
  after(() => tmp?.cleanup());

  test('--dry-run writes nothing; --people names an unknown person: a clear error', async () => {
    const bytes = readFileSync(photo6());
    const out = await kindred(['xmp', 'export', '--dry-run', '--embed', '--db', db]);
    assert.match(out, /would write 2 files/);
    assert.ok(readFileSync(photo6()).equals(bytes));
    const unknown = await runCli(['xmp', 'export', '--people', 'Nobody', '--db', db]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no person is named "Nobody"/);
  });

  test('sidecars: exiftool reads the stored-grid regions; Kindred reads them as the faces it had', async () => {
    const report = JSON.parse(await kindred(['xmp', 'export', '--json', '--db', db])) as { written: number };
    assert.equal(report.written, 2);
    const [sidecar6] = exiftoolRegions(`${photo6()}.xmp`);
    assertSameBox(sidecar6?.box, storedBox(rose, 6), 'exiftool, orientation 6');
    assert.equal(sidecar6?.name, rose.name);
    const [sidecar8] = exiftoolRegions(`${photo8()}.xmp`);
    assertSameBox(sidecar8?.box, storedBox(kit, 8), 'exiftool, orientation 8');
    const [names] = exiftoolJson(['-XMP:PersonInImage', `${photo8()}.xmp`]);
    assert.deepEqual([names?.PersonInImage].flat(), [kit.name]);
    const again = JSON.parse(await kindred(['xmp', 'export', '--json', '--db', db])) as { unchanged: number };
    assert.equal(again.unchanged, 2, 'a second export changes nothing');
    const facesBefore = querySql<{ n: number }>(db, 'SELECT count(*) AS n FROM faces')[0]?.n;
    const read = JSON.parse(await kindred(['index', '--no-faces', '--json', '--db', db])) as {
      xmp: { files: number; facesAdded: number; regions: number };
    };
    assert.equal(read.xmp.files, 2, 'the new sidecars are read');
    assert.equal(read.xmp.facesAdded, 0, 'and are the faces Kindred had');
    assert.equal(querySql<{ n: number }>(db, 'SELECT count(*) AS n FROM faces')[0]?.n, facesBefore);
  });

  test('--embed rewrites the JPEG without harm, and the edited photo keeps its faces', async () => {
    const tagsBefore = [tagsOutsideXmp(photo6()), tagsOutsideXmp(photo8())];
    const pixelsBefore = [await decoded(photo6()), await decoded(photo8())];
    const [titleBefore] = exiftoolJson(['-XMP-dc:Title', photo6()]);
    // The fixtures carry exiftool's own warning (no ExifImageWidth): the rewrite must add none.
    const validate = () =>
      [photo6(), photo8()].map((path) => exiftoolJson(['-validate', '-warning', '-error', '-a', path])[0]);
    const validationBefore = validate();
    const hashes = () =>
      querySql<{ path: string; hash: string }>(
        db,
        `SELECT path, content_hash AS hash FROM files WHERE path LIKE '%.jpg' ORDER BY path`,
      );
    const oldHashes = hashes();
    const facesOf = (hash: string) =>
      querySql<{ name: string }>(
        db,
        `SELECT p.name FROM faces f JOIN people p ON p.id = f.person_id WHERE f.photo_hash = ?`,
        hash,
      );

    await kindred(['xmp', 'export', '--embed', '--mp', '--db', db]);

    assert.deepEqual(
      [tagsOutsideXmp(photo6()), tagsOutsideXmp(photo8())],
      tagsBefore,
      'EXIF, IPTC and the rest unchanged',
    );
    assert.ok((await decoded(photo6())).equals(pixelsBefore[0] as Buffer), 'same pixels');
    assert.ok((await decoded(photo8())).equals(pixelsBefore[1] as Buffer), 'same pixels');
    assert.deepEqual(validate(), validationBefore, 'exiftool -validate finds nothing new');
    assert.deepEqual(
      exiftoolJson(['-XMP-dc:Title', photo6()])[0]?.Title,
      titleBefore?.Title,
      'other XMP kept',
    );
    assertSameBox(exiftoolRegions(photo6())[0]?.box, storedBox(rose, 6), 'embedded MWG, orientation 6');
    assertSameBox(exiftoolRegions(photo8())[0]?.box, storedBox(kit, 8), 'embedded MWG, orientation 8');
    const [mp] = exiftoolJson(['-XMP:RegionInfoMP', photo8()]);
    const mpInfo = mp?.RegionInfoMP as { Regions?: { Rectangle: string }[] } | undefined;
    const rectangle = mpInfo?.Regions?.[0]?.Rectangle ?? '';
    const [x, y, w, h] = rectangle.split(',').map(Number) as [number, number, number, number];
    assertSameBox({ x, y, w, h }, storedBox(kit, 8), 'embedded MP, orientation 8');

    const newHashes = hashes();
    for (const [i, row] of newHashes.entries()) {
      const old = oldHashes[i]?.hash as string;
      assert.notEqual(row.hash, old, 'new content');
      assert.deepEqual(facesOf(row.hash).length, 1, 'the new content has the face');
      assert.deepEqual(facesOf(old), [], 'moved, not copied (no other file holds the old content)');
    }
    const next = JSON.parse(await kindred(['index', '--no-faces', '--json', '--db', db])) as {
      files: { unchanged: number; changed: number };
      xmp: { files: number; facesAdded: number };
    };
    assert.equal(next.files.changed, 0, 'the inventory already knows the rewritten files');
    assert.equal(next.xmp.facesAdded, 0, 'reading the embedded regions back adds nothing');
    assert.ok(statSync(photo6()).size > 0);
    const people = querySql<{ name: string }>(db, 'SELECT name FROM people ORDER BY name');
    assert.deepEqual(
      people.map((p) => p.name),
      [kit.name, rose.name],
    );
  });
});
