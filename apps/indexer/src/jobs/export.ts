import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { albumPhotos, albums, faces, files, type KindredDb, people, photos } from '@kindred/db';
import { asc, eq, isNull } from 'drizzle-orm';

/** Version of the export document format (docs/export.md). Bump on any incompatible change. */
export const EXPORT_VERSION = 1;

export interface ExportedFace {
  id: string;
  box: { x: number; y: number; w: number; h: number };
  score: number | null;
  source: 'detected' | 'picasa' | 'manual' | 'xmp';
  person: string | null;
  personId: string | null;
  cluster: string | null;
  state: 'confirmed' | 'suggested' | 'unassigned';
}

export interface ExportedPhoto {
  hash: string;
  paths: string[];
  width: number | null;
  height: number | null;
  takenAt: string | null;
  faces: ExportedFace[];
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Photos with at least one present path, with their faces, in hash order. */
export function exportedPhotos(db: KindredDb): ExportedPhoto[] {
  const paths = groupBy(
    db
      .select({ hash: files.contentHash, path: files.path })
      .from(files)
      .where(eq(files.status, 'present'))
      .orderBy(asc(files.path))
      .all(),
    (row) => row.hash,
  );
  const names = new Map(
    db
      .select({ id: people.id, name: people.name })
      .from(people)
      .all()
      .map((p) => [p.id, p.name]),
  );
  const facesByPhoto = groupBy(
    db
      .select({
        id: faces.id,
        photoHash: faces.photoHash,
        x: faces.x,
        y: faces.y,
        w: faces.w,
        h: faces.h,
        score: faces.score,
        source: faces.source,
        personId: faces.personId,
        state: faces.state,
        clusterId: faces.clusterId,
      })
      .from(faces)
      .orderBy(asc(faces.id))
      .all(),
    (row) => row.photoHash,
  );
  return db
    .select({ hash: photos.hash, width: photos.width, height: photos.height, takenAt: photos.takenAt })
    .from(photos)
    .orderBy(asc(photos.hash))
    .all()
    .filter((photo) => paths.has(photo.hash))
    .map((photo) => ({
      hash: photo.hash,
      paths: (paths.get(photo.hash) ?? []).map((row) => row.path),
      width: photo.width,
      height: photo.height,
      takenAt: photo.takenAt,
      faces: (facesByPhoto.get(photo.hash) ?? []).map((face) => ({
        id: String(face.id),
        box: { x: face.x, y: face.y, w: face.w, h: face.h },
        score: face.score,
        source: face.source,
        person: face.personId === null ? null : (names.get(face.personId) ?? null),
        personId: face.personId === null ? null : String(face.personId),
        cluster: face.clusterId === null ? null : String(face.clusterId),
        state: face.state,
      })),
    }));
}

export function exportedPeople(db: KindredDb) {
  const counts = new Map<number, number>();
  for (const row of db
    .select({ personId: faces.personId })
    .from(faces)
    .where(eq(faces.state, 'confirmed'))
    .all()) {
    if (row.personId !== null) counts.set(row.personId, (counts.get(row.personId) ?? 0) + 1);
  }
  return db
    .select({ id: people.id, name: people.name, hidden: people.hidden })
    .from(people)
    .where(isNull(people.mergedInto))
    .orderBy(asc(people.id))
    .all()
    .map((p) => ({ id: String(p.id), name: p.name, faces: counts.get(p.id) ?? 0, hidden: p.hidden }));
}

export function exportedAlbums(db: KindredDb) {
  const members = groupBy(
    db
      .select({ albumId: albumPhotos.albumId, hash: albumPhotos.photoHash })
      .from(albumPhotos)
      .orderBy(asc(albumPhotos.position), asc(albumPhotos.photoHash))
      .all(),
    (row) => row.albumId,
  );
  return db
    .select({ id: albums.id, name: albums.name, source: albums.source })
    .from(albums)
    .orderBy(asc(albums.id))
    .all()
    .map((a) => ({
      id: String(a.id),
      name: a.name,
      source: a.source,
      photos: (members.get(a.id) ?? []).map((m) => m.hash),
    }));
}

/** Writes the whole export document to a stream, one photo per line (easy to diff and to grep). */
export async function writeExport(db: KindredDb, out: Writable): Promise<{ photos: number }> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const list = exportedPhotos(db);
  await write(`{"version":${EXPORT_VERSION},\n "photos":[`);
  for (const [i, photo] of list.entries())
    await write(`${i === 0 ? '\n  ' : ',\n  '}${JSON.stringify(photo)}`);
  await write(`],\n "people":${JSON.stringify(exportedPeople(db))},\n`);
  await write(` "albums":${JSON.stringify(exportedAlbums(db))}}\n`);
  return { photos: list.length };
}

export async function writeExportFile(db: KindredDb, path: string): Promise<{ photos: number }> {
  const out = createWriteStream(path);
  const result = await writeExport(db, out);
  out.end();
  await once(out, 'finish');
  return result;
}
