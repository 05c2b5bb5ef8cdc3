import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { faceImports, faces } from '@kindred/db';
import { skipWithoutTestData } from '@kindred/testing';
import { and, eq } from 'drizzle-orm';
import { importPicasa } from './import-picasa.js';
import { type LibraryFixture, libraryFixture } from './import-picasa-fixture.js';

const skip = skipWithoutTestData();

describe('a Picasa face deleted in Kindred', { skip }, () => {
  let fx: LibraryFixture;
  const folder = '2003/2003-09-03 Picnic';
  const ini = () => join(fx.library, folder, 'Picasa.ini');
  const hash = () =>
    createHash('sha256')
      .update(readFileSync(join(fx.library, folder, '100_2886.JPG')))
      .digest('hex');
  const facesOfPhoto = () => fx.db.select().from(faces).where(eq(faces.photoHash, hash())).all();
  const importAgain = () =>
    importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths, contactsXmlPath: fx.contactsXmlPath });
  const faceLine = 'faces=rect64(317a00005a1b5c8d),8e4ef8294117a7d1\r\n';
  const editIni = (edit: (text: string) => string) =>
    writeFileSync(ini(), edit(readFileSync(ini(), 'latin1')), 'latin1');

  before(() => {
    fx = libraryFixture('library');
    importAgain();
  });
  after(() => fx.cleanup());

  test('is not brought back while the .ini lists the same rect, even when the .ini changes', () => {
    const [face] = facesOfPhoto();
    assert.ok(face, 'imported');
    // What the gallery's deleteFace mutation does: the row goes; face_imports is left behind.
    fx.db.delete(faces).where(eq(faces.id, face.id)).run();
    editIni((text) => text.replace('[100_2962.JPG]\r\nbackuphash=63353', '[100_2962.JPG]\r\nbackuphash=1'));
    const edited = importAgain();
    assert.equal(edited.iniFiles, 1, 'the .ini changed and was imported');
    assert.equal(edited.facesKeptDeleted, 1);
    assert.equal(edited.facesAdded, 0);
    assert.deepEqual(facesOfPhoto(), []);
    // A retag of the same rect (another contact) is the same region: still deleted.
    editIni((text) => text.replace(faceLine, 'faces=rect64(317a00005a1b5c8d),d2c692baf264c660\r\n'));
    assert.equal(importAgain().facesKeptDeleted, 1);
    assert.deepEqual(facesOfPhoto(), []);
  });

  test('comes back once the .ini dropped the rect and lists it again', () => {
    const text = readFileSync(ini(), 'latin1');
    const retagged = 'faces=rect64(317a00005a1b5c8d),d2c692baf264c660\r\n';
    writeFileSync(ini(), text.replace(retagged, ''), 'latin1');
    importAgain();
    const keys = fx.db
      .select()
      .from(faceImports)
      .where(and(eq(faceImports.source, 'picasa'), eq(faceImports.photoHash, hash())))
      .all();
    assert.deepEqual(keys, [], 'the region is forgotten with the line');
    writeFileSync(ini(), text.replace(retagged, faceLine), 'latin1');
    const back = importAgain();
    assert.equal(back.facesAdded, 1);
    assert.equal(facesOfPhoto().length, 1);
  });
});
