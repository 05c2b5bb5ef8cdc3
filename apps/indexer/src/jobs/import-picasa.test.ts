import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { albumPhotos, albums, faces, people, photos, picasaIniFiles } from '@kindred/db';
import { parseTsv, requireTestData, skipWithoutTestData } from '@kindred/testing';
import { and, eq } from 'drizzle-orm';
import { importPicasa, type PicasaReport } from './import-picasa.js';
import { type LibraryFixture, libraryFixture, snapshotPicasaRows } from './import-picasa-fixture.js';

const skip = skipWithoutTestData();

interface Truth {
  contacts: { id: string; name: string; used_by_a_face: boolean }[];
  albums: { token: string; name: string; date: string; members: string[] }[];
  stars: string[];
  folders: { path: string; images: string[] }[];
  bad_files: { rel_path: string }[];
  counts: { tagged_faces: number; identities_tagged: number };
  quirks: Record<string, { name?: string; contacts?: { name: string }[] }>;
}

for (const name of ['library', 'lfw-library'] as const) describeLibrary(name);

function describeLibrary(name: 'library' | 'lfw-library') {
  describe(`importPicasa on ${name}/`, { skip }, () => {
    let fx: LibraryFixture;
    let report: PicasaReport;
    let truth: Truth;
    const hashOf = (rel: string) =>
      createHash('sha256')
        .update(readFileSync(join(fx.library, rel)))
        .digest('hex');
    const importAgain = () =>
      importPicasa(fx.db, { runId: fx.runId, iniPaths: fx.iniPaths, contactsXmlPath: fx.contactsXmlPath });

    before(() => {
      fx = libraryFixture(name);
      truth = JSON.parse(readFileSync(join(requireTestData(), 'picasa', `${name}-truth.json`), 'utf8'));
      report = importAgain();
    });
    after(() => fx.cleanup());

    test('the report counts what came across', () => {
      assert.deepEqual(report.warnings, []);
      assert.equal(report.iniFiles, fx.iniPaths.length);
      assert.equal(report.faces, truth.counts.tagged_faces);
      assert.equal(report.facesAdded, truth.counts.tagged_faces);
      assert.equal(report.people, truth.counts.identities_tagged);
      assert.equal(report.albums, truth.albums.length);
      assert.equal(report.folderAlbums, truth.folders.length);
      assert.equal(report.unparsedLines, 0);
    });

    test('every tagged face comes across with the right person, confirmed, box within tolerance', () => {
      const rows = parseTsv(readFileSync(join(requireTestData(), 'picasa', `${name}-truth.tsv`), 'utf8'));
      const tagged = rows.filter((r) => r.tagged_in_picasa === '1');
      assert.equal(tagged.length, truth.counts.tagged_faces);
      for (const row of tagged) {
        const found = fx.db
          .select({ face: faces, name: people.name })
          .from(faces)
          .leftJoin(people, eq(people.id, faces.personId))
          .where(
            and(
              eq(faces.photoHash, hashOf(row.rel_path ?? '')),
              eq(faces.picasaContactId, row.contact_id ?? ''),
            ),
          )
          .all();
        assert.equal(found.length, 1, row.rel_path);
        const { face, name } = found[0] as (typeof found)[number];
        assert.equal(name, row.identity, row.rel_path);
        assert.equal(face.source, 'picasa');
        assert.equal(face.state, 'confirmed');
        assert.equal(face.descriptor, null);
        for (const [k, col] of [
          ['x', 'picasa_x'],
          ['y', 'picasa_y'],
          ['w', 'picasa_w'],
          ['h', 'picasa_h'],
        ] as const) {
          assert.ok(Math.abs(face[k] - Number(row[col])) < 2e-6, `${row.rel_path} ${k}`);
        }
      }
      assert.equal(fx.db.select().from(faces).all().length, tagged.length);
    });

    test('contacts: one person per tagged name, named from contacts.xml or any folder; unused contacts make no one', () => {
      const names = fx.db
        .select({ name: people.name })
        .from(people)
        .all()
        .map((p) => p.name);
      const used = truth.contacts.filter((c) => c.used_by_a_face).map((c) => c.name);
      assert.deepEqual([...names].sort(), [...used].sort()); // accented names included, exactly
      assert.ok(!names.includes('Mum & Dad')); // contacts.xml only, no face
      // Each [Contacts2] quirk (name only in contacts.xml, only in another folder, accented names only
      // in contacts.xml, a stale entry) still gives exactly one person of that name.
      const quirkNames = Object.values(truth.quirks).flatMap((q) =>
        q.name ? [q.name] : (q.contacts ?? []).map((c) => c.name),
      );
      assert.ok(quirkNames.length >= 3);
      for (const quirkName of quirkNames)
        assert.equal(names.filter((n) => n === quirkName).length, 1, quirkName);
    });

    test('albums, members, dates and stars', () => {
      for (const want of truth.albums) {
        const album = fx.db
          .select()
          .from(albums)
          .where(and(eq(albums.source, 'picasa'), eq(albums.externalKey, want.token)))
          .get();
        assert.equal(album?.name, want.name);
        assert.equal(album?.createdAt, want.date);
        const members = fx.db
          .select({ hash: albumPhotos.photoHash })
          .from(albumPhotos)
          .where(eq(albumPhotos.albumId, album?.id ?? -1))
          .all()
          .map((m) => m.hash);
        assert.deepEqual(members.sort(), want.members.map(hashOf).sort());
      }
      const starred = fx.db
        .select({ hash: photos.hash })
        .from(photos)
        .where(eq(photos.starred, true))
        .all()
        .map((p) => p.hash);
      assert.deepEqual(starred.sort(), truth.stars.map(hashOf).sort());
    });

    test('every folder with images is a folder album of its images (the truncated JPEG included)', () => {
      for (const folder of truth.folders) {
        const bad = truth.bad_files.map((b) => b.rel_path).filter((p) => p.startsWith(`${folder.path}/`));
        const album = fx.db
          .select()
          .from(albums)
          .where(and(eq(albums.source, 'folder'), eq(albums.externalKey, join(fx.library, folder.path))))
          .get();
        assert.ok(album, folder.path);
        const count = fx.db.select().from(albumPhotos).where(eq(albumPhotos.albumId, album.id)).all().length;
        const rels = [...folder.images.map((i) => `${folder.path}/${i}`), ...bad];
        assert.equal(count, new Set(rels.map(hashOf)).size, folder.path);
      }
    });

    test('re-import is idempotent: unchanged files are skipped, and re-reading them changes no row', () => {
      const beforeRows = snapshotPicasaRows(fx.db);
      const second = importAgain();
      assert.equal(second.iniFiles, 0);
      assert.equal(second.iniFilesUnchanged, fx.iniPaths.length);
      assert.deepEqual(snapshotPicasaRows(fx.db), beforeRows);
      fx.db.delete(picasaIniFiles).run(); // forget them: every file is read and applied again
      const third = importAgain();
      assert.equal(third.iniFiles, fx.iniPaths.length);
      assert.equal(third.facesAdded + third.facesRemoved + third.peopleCreated, 0);
      assert.deepEqual(snapshotPicasaRows(fx.db), beforeRows);
    });
  });
}
