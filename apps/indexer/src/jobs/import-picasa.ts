import { readFileSync } from 'node:fs';
import { albumPhotos, faces, type KindredDb, photos, picasaIniFiles, picasaIniPhotos } from '@kindred/db';
import { eq } from 'drizzle-orm';
import { parseContactsXml } from '../picasa/contacts-xml.js';
import { picasaRectToUpright } from '../picasa/orientation.js';
import { picasaRegionKey } from './import-face-keys.js';
import {
  syncFolderAlbums,
  syncPicasaAlbumPhotos,
  syncPicasaStars,
  upsertPicasaAlbum,
} from './import-picasa-albums.js';
import { chunked } from './import-picasa-chunks.js';
import { type FaceSyncCounts, syncPicasaFaces, type WantedPicasaFace } from './import-picasa-faces.js';
import { PicasaPeople } from './import-picasa-people.js';
import { type FileWarning, isPicasaOriginalsIni, type ReadIni, readPicasaIni } from './import-picasa-read.js';

export interface PicasaImportOptions {
  runId: number;
  /** Every `.picasa.ini` / `Picasa.ini` present under the roots (absolute paths). */
  iniPaths: readonly string[];
  /** Picasa's machine-wide `contacts.xml`, the better source of names. */
  contactsXmlPath?: string | null;
}

export interface PicasaReport {
  /** `.ini` files imported in this run (new or changed). */
  iniFiles: number;
  iniFilesUnchanged: number;
  /** Picasa faces the imported files list (kept, updated or added). */
  faces: number;
  facesAdded: number;
  facesRemoved: number;
  /** Faces edited in Kindred that a stale `.ini` would have changed or removed, left as they are. */
  facesKeptUserEdits: number;
  /** Tags whose face the family deleted in Kindred, not brought back (the `.ini` still lists them). */
  facesKeptDeleted: number;
  /** Filled in by the faces step (pairing with detections, describing from the box). */
  matchedToDetections: number;
  describedFromBox: number;
  /** Distinct people of those faces; `peopleCreated` of them are new. */
  people: number;
  peopleCreated: number;
  /** Distinct Picasa albums the imported files put photos in. */
  albums: number;
  folderAlbums: number;
  /** Lines of the imported files that could not be parsed. */
  unparsedLines: number;
  warnings: FileWarning[];
}

/** A report of an import that imported nothing. */
export function emptyPicasaReport(): PicasaReport {
  return {
    iniFiles: 0,
    iniFilesUnchanged: 0,
    faces: 0,
    facesAdded: 0,
    facesRemoved: 0,
    facesKeptUserEdits: 0,
    facesKeptDeleted: 0,
    matchedToDetections: 0,
    describedFromBox: 0,
    people: 0,
    peopleCreated: 0,
    albums: 0,
    folderAlbums: 0,
    unparsedLines: 0,
    warnings: [],
  };
}

/**
 * Imports Picasa's tags after the inventory walk: faces (source `picasa`), people, albums, stars and
 * folder albums. Only `.ini` files whose bytes or resolved photos changed are imported again, and
 * each import updates exactly what its file says. Faces edited in Kindred are never overwritten.
 */
export function importPicasa(db: KindredDb, options: PicasaImportOptions): PicasaReport {
  const report = emptyPicasaReport();
  const xmlNames = readContactsXml(options.contactsXmlPath, report.warnings);
  const changed: ReadIni[] = [];
  for (const path of [...new Set(options.iniPaths)].sort()) {
    if (isPicasaOriginalsIni(path)) continue;
    const read = readPicasaIni(db, path, report.warnings);
    if (read === 'unchanged') report.iniFilesUnchanged++;
    else if (read) changed.push(read);
  }
  const runNames = new Map<string, string>();
  for (const read of changed)
    for (const [id, name] of read.ini.contacts) if (!runNames.has(id)) runNames.set(id, name);

  const transaction = db.$client.transaction(() => {
    releaseGoneInis(db, new Set(options.iniPaths));
    const peopleResolver = new PicasaPeople(db, xmlNames, runNames);
    peopleResolver.nameFromContactsXml();
    const personIds = new Set<number>();
    const albumIds = new Set<number>();
    for (const read of changed) {
      const faceCounts = importOneIni(db, options.runId, read, peopleResolver, personIds, albumIds);
      report.iniFiles++;
      report.faces += faceCounts.total;
      report.facesAdded += faceCounts.added;
      report.facesRemoved += faceCounts.removed;
      report.facesKeptUserEdits += faceCounts.keptUserEdits;
      report.facesKeptDeleted += faceCounts.keptDeleted;
      report.unparsedLines += read.ini.unparsedLines;
      report.warnings.push(...read.warnings);
    }
    report.people = personIds.size;
    report.peopleCreated = peopleResolver.created.size;
    report.albums = albumIds.size;
    report.folderAlbums = syncFolderAlbums(db);
  });
  transaction();
  return report;
}

function importOneIni(
  db: KindredDb,
  runId: number,
  read: ReadIni,
  peopleResolver: PicasaPeople,
  personIds: Set<number>,
  albumIds: Set<number>,
): FaceSyncCounts & { total: number } {
  const before = db.select().from(picasaIniPhotos).where(eq(picasaIniPhotos.iniPath, read.path)).all();
  const beforeStarred = new Set(
    before.filter((r) => r.starred && r.photoHash).map((r) => r.photoHash as string),
  );
  const fileRow = {
    contentHash: read.contentHash,
    fingerprint: read.fingerprint,
    importedRun: runId,
    unparsedLines: read.ini.unparsedLines,
  };
  db.insert(picasaIniFiles)
    .values({ path: read.path, ...fileRow })
    .onConflictDoUpdate({ target: picasaIniFiles.path, set: fileRow })
    .run();
  db.delete(picasaIniPhotos).where(eq(picasaIniPhotos.iniPath, read.path)).run();
  const sections = [
    ...read.resolved.map((r) => ({ fileName: r.photo.fileName, photoHash: r.hash, starred: r.photo.star })),
    ...read.unresolved.map((p) => ({ fileName: p.fileName, photoHash: null, starred: p.star })),
  ];
  for (const chunk of chunked(sections)) {
    db.insert(picasaIniPhotos)
      .values(chunk.map((s) => ({ iniPath: read.path, ...s })))
      .run();
  }
  for (const chunk of chunked([...new Set(read.resolved.map((r) => r.hash))])) {
    db.insert(photos)
      .values(chunk.map((hash) => ({ hash })))
      .onConflictDoNothing()
      .run();
  }

  const wanted: WantedPicasaFace[] = [];
  const albumsWanted = new Map<number, Set<string>>();
  const definitions = new Map(read.ini.albums.map((a) => [a.token, a]));
  const albumIdsByToken = new Map<string, number>();
  for (const { photo, hash, grid, orientation } of read.resolved) {
    for (const face of photo.faces) {
      const assignment = peopleResolver.assign(face.contactId, read.ini.contacts);
      if (assignment.personId !== null) personIds.add(assignment.personId);
      const box = picasaRectToUpright(face.rect, orientation, grid);
      const regionKey = picasaRegionKey(face.rect);
      wanted.push({ photoHash: hash, contactId: face.contactId, box, regionKey, ...assignment });
    }
    for (const token of photo.albums) {
      let albumId = albumIdsByToken.get(token);
      if (albumId === undefined) {
        albumId = upsertPicasaAlbum(db, token, definitions.get(token));
        albumIdsByToken.set(token, albumId);
      }
      albumIds.add(albumId);
      const set = albumsWanted.get(albumId) ?? new Set<string>();
      set.add(hash);
      albumsWanted.set(albumId, set);
    }
  }
  // Album definitions without members still update a known album's name.
  for (const album of read.ini.albums) {
    if (album.name && !albumIdsByToken.has(album.token)) upsertPicasaAlbum(db, album.token, album);
  }
  syncPicasaAlbumPhotos(db, read.path, albumsWanted);
  syncPicasaStars(db, new Set(read.resolved.filter((r) => r.photo.star).map((r) => r.hash)), beforeStarred);
  return { ...syncPicasaFaces(db, read.path, wanted), total: wanted.length };
}

/**
 * `.ini` files imported before and absent now (deleted, or their folder renamed): their tags stay in
 * Kindred, owned by no file, until an `.ini` that lists the same tag adopts them.
 */
function releaseGoneInis(db: KindredDb, present: Set<string>): void {
  const gone = db
    .select({ path: picasaIniFiles.path })
    .from(picasaIniFiles)
    .all()
    .filter((row) => !present.has(row.path));
  for (const { path } of gone) {
    db.update(faces).set({ picasaIniPath: null }).where(eq(faces.picasaIniPath, path)).run();
    db.update(albumPhotos).set({ picasaIniPath: null }).where(eq(albumPhotos.picasaIniPath, path)).run();
    db.delete(picasaIniFiles).where(eq(picasaIniFiles.path, path)).run();
  }
}

function readContactsXml(path: string | null | undefined, warnings: FileWarning[]): Map<string, string> {
  if (!path) return new Map();
  try {
    const parsed = parseContactsXml(readFileSync(path));
    warnings.push(...parsed.warnings.map((w) => ({ file: path, ...w })));
    return parsed.contacts;
  } catch (error) {
    warnings.push({ file: path, line: 0, message: `cannot read contacts.xml: ${(error as Error).message}` });
    return new Map();
  }
}
