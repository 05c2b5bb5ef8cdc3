import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { faces, openDatabase, people, photos } from '@kindred/db';
import { requireTestData, skipWithoutTestData, tempDir } from '@kindred/testing';
import { eq } from 'drizzle-orm';
import { MAX_WARNINGS_PER_FILE } from '../picasa/ini.js';
import { picasaRectToUpright } from '../picasa/orientation.js';
import { decodeRect64 } from '../picasa/rect64.js';
import { recordFolderTree } from '../picasa/test-library.js';
import { importPicasa } from './import-picasa.js';
import { libraryFixture } from './import-picasa-fixture.js';

const skip = skipWithoutTestData();

/** A folder of real photos (copied from the sample library) with the given `.ini` text, in a fresh DB. */
function smallLibrary(files: Record<string, string>, ini: Record<string, string | Buffer>) {
  const dir = tempDir('kindred-picasa-bad-');
  const lib = join(dir.path, 'lib');
  const source = join(requireTestData(), 'picasa', 'library', '2003', '2003-09-03 Picnic');
  for (const [name, from] of Object.entries(files)) {
    mkdirSync(join(lib, name, '..'), { recursive: true });
    copyFileSync(join(source, from), join(lib, name));
  }
  for (const [name, text] of Object.entries(ini)) {
    mkdirSync(join(lib, name, '..'), { recursive: true });
    writeFileSync(join(lib, name), text);
  }
  const db = openDatabase(join(dir.path, 'kindred.db'));
  const { runId, iniPaths } = recordFolderTree(db, lib);
  const cleanup = () => {
    db.$client.close();
    dir.cleanup();
  };
  return { db, lib, runId, iniPaths, cleanup };
}

const photoFaces = (db: ReturnType<typeof openDatabase>) =>
  db
    .select({ face: faces, name: people.name, contact: people.picasaContactId })
    .from(faces)
    .leftJoin(people, eq(people.id, faces.personId))
    .all();

describe('importPicasa on bad input', { skip }, () => {
  test('bad lines, missing photos, garbage files and a missing contacts.xml: warnings with file and line, the rest imported', () => {
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const fx = smallLibrary(
      {
        'a.jpg': '100_2962.JPG',
        'b.jpg': '100_2886.JPG',
        'junk/c.jpg': '100_2930.JPG',
        'x/.picasaoriginals/a.jpg': '100_2962.JPG',
      },
      {
        '.picasa.ini': [
          '[a.jpg]',
          'faces=rect64(480508cd7444646a),d2c692baf264c660;rect64(4805),1;rect64(zz),2;rect64(9000000080000000),3',
          'this is not a key',
          '[missing.jpg]',
          'star=yes',
          '[b.jpg]',
          'faces=rect64(317a00005a1b5c8d',
          'star=yes',
          '[Contacts2]',
          'd2c692baf264c660=Ann;;',
        ].join('\r\n'),
        'junk/.picasa.ini': garbage,
        'x/.picasaoriginals/.picasa.ini': '[a.jpg]\r\nfaces=rect64(480508cd7444646a),d2c692baf264c660',
      },
    );
    try {
      const report = importPicasa(fx.db, {
        runId: fx.runId,
        iniPaths: fx.iniPaths,
        contactsXmlPath: join(fx.lib, 'nope.xml'),
      });
      const top = join(fx.lib, '.picasa.ini');
      const mine = report.warnings.filter((w) => w.file === top).map((w) => w.line);
      assert.deepEqual(mine, [2, 2, 2, 3, 4, 7]);
      assert.ok(report.warnings.some((w) => w.file === join(fx.lib, 'nope.xml') && w.line === 0));
      const junk = report.warnings.filter((w) => w.file === join(fx.lib, 'junk/.picasa.ini'));
      assert.ok(junk.length > 0 && junk.every((w) => w.line >= 1));
      assert.equal(report.iniFiles, 2); // .picasaoriginals is not a library folder
      const found = photoFaces(fx.db);
      assert.deepEqual(
        found.map((f) => f.name),
        ['Ann'],
      );
      assert.equal(fx.db.select().from(photos).where(eq(photos.starred, true)).all().length, 1);
      assert.ok(report.unparsedLines >= 3);
    } finally {
      fx.cleanup();
    }
  });

  test('a large ini of garbage, missing photos and one real tag at the end: tag imported, warnings capped', () => {
    const junk: string[] = [];
    for (let i = 0; junk.length < 120_000; i++) junk.push(`[gone_${i}.jpg]`, 'star=yes', `garbage line ${i}`);
    const text = [
      ...junk,
      '[a.jpg]',
      'faces=rect64(480508cd7444646a),d2c692baf264c660',
      '[Contacts2]',
      'd2c692baf264c660=Ann;;',
    ];
    const fx = smallLibrary({ 'a.jpg': '100_2962.JPG' }, { '.picasa.ini': text.join('\r\n') });
    try {
      const report = importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths });
      assert.deepEqual(
        photoFaces(fx.db).map((f) => f.name),
        ['Ann'],
      );
      assert.equal(report.unparsedLines, junk.length / 3);
      assert.equal(report.warnings.length, MAX_WARNINGS_PER_FILE + 1);
      assert.match(report.warnings.at(-1)?.message ?? '', /more warnings not listed/);
      assert.equal(fx.db.select().from(photos).where(eq(photos.starred, true)).all().length, 0);
    } finally {
      fx.cleanup();
    }
  });

  test('unnamed ffff faces stay unassigned; an id with no name is a confirmed unnamed person, named when a name turns up', () => {
    const ini = (extra: string) =>
      [
        '[a.jpg]',
        'faces=rect64(480508cd7444646a),ffffffffffffffff',
        '[b.jpg]',
        'faces=rect64(317a00005a1b5c8d),abc',
        extra,
      ].join('\r\n');
    const fx = smallLibrary({ 'a.jpg': '100_2962.JPG', 'b.jpg': '100_2886.JPG' }, { '.picasa.ini': ini('') });
    try {
      importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths });
      const first = photoFaces(fx.db);
      const unnamedFace = first.find((f) => f.face.picasaContactId === 'ffffffffffffffff');
      assert.equal(unnamedFace?.face.personId, null);
      assert.equal(unnamedFace?.face.state, 'unassigned');
      const group = first.find((f) => f.face.picasaContactId === '0000000000000abc');
      assert.equal(group?.face.state, 'confirmed');
      assert.equal(group?.name, null);
      assert.equal(group?.contact, '0000000000000abc');
      writeFileSync(join(fx.lib, '.picasa.ini'), ini('[Contacts2]\r\nabc=Grandpa Joe;;'));
      importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths });
      const later = photoFaces(fx.db).find((f) => f.face.picasaContactId === '0000000000000abc');
      assert.equal(later?.name, 'Grandpa Joe');
      assert.equal(later?.face.personId, group?.face.personId);
    } finally {
      fx.cleanup();
    }
  });

  test('EXIF orientation: RAW regions are turned upright (once the orientation is known), JPEG regions are used as they are', () => {
    const hex = '1000200060007000';
    const fx = smallLibrary(
      { 'P1.ORF': '100_2962.JPG', 'P2.JPG': '100_2886.JPG' },
      { '.picasa.ini': `[P1.ORF]\r\nfaces=rect64(${hex}),1\r\n[P2.JPG]\r\nfaces=rect64(${hex}),1\r\n` },
    );
    try {
      const decoded = decodeRect64(hex);
      assert.ok('rect' in decoded);
      const hashes = fx.db.all<{ hash: string; path: string }>(
        "SELECT content_hash AS hash, path FROM files WHERE path LIKE '%.ORF' OR path LIKE '%.JPG'",
      );
      const byName = new Map(hashes.map((h) => [h.path.slice(-6), h.hash]));
      const boxOf = (name: string) => {
        const face = fx.db
          .select()
          .from(faces)
          .where(eq(faces.photoHash, byName.get(name) ?? ''))
          .get();
        return face && { x: face.x, y: face.y, w: face.w, h: face.h };
      };
      // First import: orientation not known yet (the faces step reads EXIF later): boxes as written.
      importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths });
      assert.deepEqual(boxOf('P1.ORF'), picasaRectToUpright(decoded.rect, 1, 'stored'));
      // The faces step learns both photos are EXIF orientation 6; the RAW file's .ini is read again.
      fx.db.update(photos).set({ orientation: 6 }).run();
      const again = importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths });
      assert.equal(again.iniFiles, 1);
      assert.deepEqual(boxOf('P1.ORF'), picasaRectToUpright(decoded.rect, 6, 'stored'));
      assert.deepEqual(boxOf('P2.JPG'), picasaRectToUpright(decoded.rect, 6, 'displayed'));
      assert.notDeepEqual(boxOf('P1.ORF'), boxOf('P2.JPG'));
      // Nothing changed since: not read again.
      assert.equal(importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths }).iniFiles, 0);
    } finally {
      fx.cleanup();
    }
  });

  test('names: without contacts.xml the xml-only id is an unnamed group; a later contacts.xml names it', () => {
    const fx = libraryFixture('library');
    try {
      importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths });
      const paul = () =>
        fx.db.select().from(people).where(eq(people.picasaContactId, '89127d350b9117f8')).get();
      assert.equal(paul()?.name, null);
      assert.ok(fx.db.select().from(people).where(eq(people.name, 'Jean-David Levitte')).get());
      const second = importPicasa(fx.db, {
        runId: fx.runId,
        iniPaths: fx.iniPaths,
        contactsXmlPath: fx.contactsXmlPath,
      });
      assert.equal(second.iniFiles, 0);
      assert.equal(paul()?.name, 'Paul Burrell');
    } finally {
      fx.cleanup();
    }
  });
});
