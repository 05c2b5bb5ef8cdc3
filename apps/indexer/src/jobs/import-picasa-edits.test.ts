import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { faces, people, photos } from '@kindred/db';
import { skipWithoutTestData } from '@kindred/testing';
import { eq, sql } from 'drizzle-orm';
import { importPicasa } from './import-picasa.js';
import { type LibraryFixture, libraryFixture } from './import-picasa-fixture.js';

const skip = skipWithoutTestData();

describe('importPicasa after an .ini is edited', { skip }, () => {
  let fx: LibraryFixture;
  const hashOf = (rel: string) =>
    createHash('sha256')
      .update(readFileSync(join(fx.library, rel)))
      .digest('hex');
  const importAgain = () =>
    importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths, contactsXmlPath: fx.contactsXmlPath });

  before(() => {
    fx = libraryFixture('library');
    importAgain();
  });
  after(() => fx.cleanup());

  test('an edited ini updates what it says; a face edited in Kindred survives it', () => {
    const ini = join(fx.library, '2003/2003-09-03 Picnic/Picasa.ini');
    const faceOf = (rel: string) =>
      fx.db
        .select()
        .from(faces)
        .where(eq(faces.photoHash, hashOf(rel)))
        .all();
    const retagged = faceOf('2003/2003-09-03 Picnic/100_2886.JPG')[0];
    const protectedFace = faceOf('2003/2003-09-03 Picnic/100_2930.JPG')[0];
    assert.ok(retagged && protectedFace);
    // The faces step had matched two tags to detections (descriptor set, photos at a pipeline).
    const removedHash = hashOf('2003/2003-09-03 Picnic/100_2962.JPG');
    const untouchedHash = hashOf('2003/2003-09-03 Picnic/100_2892.JPG');
    for (const hash of [removedHash, untouchedHash]) {
      fx.db
        .update(faces)
        .set({ descriptor: Buffer.alloc(512) })
        .where(eq(faces.photoHash, hash))
        .run();
      fx.db.update(photos).set({ facesPipeline: 'p1' }).where(eq(photos.hash, hash)).run();
    }
    const someoneElse = fx.db.select().from(people).where(eq(people.name, 'Paul Burrell')).get();
    fx.db
      .update(faces)
      .set({ personId: someoneElse?.id, editedByUser: true })
      .where(eq(faces.id, protectedFace.id))
      .run();
    const text = readFileSync(ini, 'latin1')
      .replace('faces=rect64(480508cd7444646a),d2c692baf264c660\r\n', '') // 100_2962: tag removed
      .replace('rect64(317a00005a1b5c8d),8e4ef8294117a7d1', 'rect64(317a00005a1b5c8d),d2c692baf264c660') // retagged
      .replace('[100_2937.JPG]\r\nstar=yes', '[100_2937.JPG]') // unstarred
      .replace('faces=rect64(3acd3b66cc3fd9cd),4e0d8639174a40c1', ''); // 100_2930: tag removed, but edited in Kindred
    writeFileSync(ini, text, 'latin1');
    const edited = importAgain();
    assert.equal(edited.iniFiles, 1);
    assert.equal(edited.facesRemoved, 1);
    assert.equal(edited.facesKeptUserEdits, 1);
    assert.deepEqual(faceOf('2003/2003-09-03 Picnic/100_2962.JPG'), []);
    const after = faceOf('2003/2003-09-03 Picnic/100_2886.JPG');
    assert.equal(after.length, 1);
    assert.equal(after[0]?.id, retagged.id);
    assert.equal(after[0]?.picasaContactId, 'd2c692baf264c660');
    assert.notEqual(after[0]?.personId, retagged.personId);
    const hash = hashOf('2003/2003-09-03 Picnic/100_2937.JPG');
    assert.equal(fx.db.select().from(photos).where(eq(photos.hash, hash)).get()?.starred, false);
    const pipelineOf = (hash: string) =>
      fx.db.select().from(photos).where(eq(photos.hash, hash)).get()?.facesPipeline;
    assert.equal(pipelineOf(removedHash), null); // its detection was merged into the removed tag: detect again
    assert.equal(pipelineOf(untouchedHash), 'p1');
    const kept = faceOf('2003/2003-09-03 Picnic/100_2930.JPG');
    assert.equal(kept.length, 1);
    assert.equal(kept[0]?.personId, someoneElse?.id);
  });

  test('a renamed folder: its tags are adopted by the moved .ini, not duplicated, and later edits apply', () => {
    const from = join(fx.library, '2011/Summer holiday/Part 2');
    const to = join(fx.library, '2011/Part two');
    renameSync(from, to);
    // What the inventory records for a move: same contents, new paths.
    fx.db.run(
      sql`UPDATE files SET path = ${to} || substr(path, ${from.length + 1}) WHERE path LIKE ${`${from}/%`}`,
    );
    const iniPaths = fx.iniPaths.map((p) => (p.startsWith(`${from}/`) ? `${to}/.picasa.ini` : p));
    const facesBefore = fx.db.select().from(faces).all().length;
    const moved = importPicasa(fx.db, { runId: fx.runId, iniPaths, contactsXmlPath: fx.contactsXmlPath });
    assert.equal(moved.iniFiles, 1);
    assert.equal(moved.facesAdded, 0);
    assert.equal(fx.db.select().from(faces).all().length, facesBefore);
    const owned = fx.db
      .select()
      .from(faces)
      .where(eq(faces.picasaIniPath, `${to}/.picasa.ini`))
      .all();
    assert.equal(owned.length, moved.faces);
    assert.ok(owned.length > 0);
    const ini = join(to, '.picasa.ini');
    const text = readFileSync(ini, 'latin1');
    const firstFaces = /faces=[^\r\n]*\r\n/.exec(text)?.[0] ?? '';
    writeFileSync(ini, text.replace(firstFaces, ''), 'latin1');
    const edited = importPicasa(fx.db, { runId: fx.runId, iniPaths, contactsXmlPath: fx.contactsXmlPath });
    assert.equal(edited.facesRemoved, firstFaces.split(';').length);
  });
});
