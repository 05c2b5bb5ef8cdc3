import { cpSync } from 'node:fs';
import { join } from 'node:path';
import {
  albumPhotos,
  albums,
  faces,
  type KindredDb,
  openDatabase,
  people,
  photos,
  picasaIniFiles,
} from '@kindred/db';
import { requireTestData, tempDir } from '@kindred/testing';
import { asc } from 'drizzle-orm';
import { recordFolderTree } from '../picasa/test-library.js';

/** A copy of `../shared/picasa/<name>/` recorded in a fresh database, ready for `importPicasa`. */
export interface LibraryFixture {
  db: KindredDb;
  library: string;
  runId: number;
  iniPaths: string[];
  contactsXmlPath: string;
  cleanup: () => void;
}

export function libraryFixture(name: 'library' | 'lfw-library'): LibraryFixture {
  const dir = tempDir('kindred-picasa-');
  const library = join(dir.path, 'library');
  cpSync(join(requireTestData(), 'picasa', name), library, { recursive: true });
  const db = openDatabase(join(dir.path, 'kindred.db'));
  const { runId, iniPaths } = recordFolderTree(db, library);
  return {
    db,
    library,
    runId,
    iniPaths,
    contactsXmlPath: join(library, '_picasa_contacts.xml'),
    cleanup: () => {
      db.$client.close();
      dir.cleanup();
    },
  };
}

/** Every row the Picasa import writes, in a stable order, for before/after comparisons. */
export function snapshotPicasaRows(db: KindredDb) {
  return {
    faces: db.select().from(faces).orderBy(asc(faces.id)).all(),
    people: db.select().from(people).orderBy(asc(people.id)).all(),
    albums: db.select().from(albums).orderBy(asc(albums.id)).all(),
    albumPhotos: db
      .select()
      .from(albumPhotos)
      .orderBy(asc(albumPhotos.albumId), asc(albumPhotos.photoHash))
      .all(),
    photos: db.select().from(photos).orderBy(asc(photos.hash)).all(),
    iniFiles: db.select().from(picasaIniFiles).orderBy(asc(picasaIniFiles.path)).all(),
  };
}
