import { basename, dirname } from 'node:path';
import { albumPhotos, albums, type KindredDb, photos, picasaIniPhotos } from '@kindred/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PicasaAlbum } from '../picasa/types.js';
import { chunked } from './import-picasa-chunks.js';

/** Finds or creates the one Picasa album of a token (shared by every folder); returns its id. */
export function upsertPicasaAlbum(db: KindredDb, token: string, definition: PicasaAlbum | undefined): number {
  const existing = db
    .select()
    .from(albums)
    .where(and(eq(albums.source, 'picasa'), eq(albums.externalKey, token)))
    .get();
  const name = definition?.name ?? null;
  if (existing) {
    if (name && (existing.name !== name || existing.createdAt !== (definition?.date ?? existing.createdAt))) {
      db.update(albums)
        .set({ name, createdAt: definition?.date ?? existing.createdAt })
        .where(eq(albums.id, existing.id))
        .run();
    }
    return existing.id;
  }
  const row = db
    .insert(albums)
    .values({
      name: name ?? `Picasa album ${token.slice(0, 8)}`,
      source: 'picasa',
      externalKey: token,
      createdAt: definition?.date ?? null,
    })
    .returning({ id: albums.id })
    .get();
  return row.id;
}

/** Makes the album memberships owned by one `.ini` equal `wanted` (album id → photo hashes). */
export function syncPicasaAlbumPhotos(
  db: KindredDb,
  iniPath: string,
  wanted: Map<number, Set<string>>,
): void {
  const existing = db.select().from(albumPhotos).where(eq(albumPhotos.picasaIniPath, iniPath)).all();
  for (const row of existing) {
    if (wanted.get(row.albumId)?.has(row.photoHash)) continue;
    db.delete(albumPhotos)
      .where(and(eq(albumPhotos.albumId, row.albumId), eq(albumPhotos.photoHash, row.photoHash)))
      .run();
  }
  for (const [albumId, hashes] of wanted) {
    for (const photoHash of hashes) {
      db.insert(albumPhotos)
        .values({ albumId, photoHash, picasaIniPath: iniPath })
        .onConflictDoUpdate({
          target: [albumPhotos.albumId, albumPhotos.photoHash],
          set: { picasaIniPath: iniPath },
          setWhere: isNull(albumPhotos.picasaIniPath), // adopt an entry whose .ini has gone
        })
        .run();
    }
  }
}

/**
 * Applies `star=yes`: stars what the `.ini` stars now; unstars what it starred before and no longer
 * does, unless another `.ini` section still stars the same content. Call after its sections are saved.
 */
export function syncPicasaStars(db: KindredDb, nowStarred: Set<string>, beforeStarred: Set<string>): void {
  for (const chunk of chunked([...nowStarred])) {
    db.update(photos).set({ starred: true }).where(inArray(photos.hash, chunk)).run();
  }
  const dropped = [...beforeStarred].filter((hash) => !nowStarred.has(hash));
  const stillStarred = new Set(
    chunked(dropped).flatMap((chunk) =>
      db
        .select({ hash: picasaIniPhotos.photoHash })
        .from(picasaIniPhotos)
        .where(and(eq(picasaIniPhotos.starred, true), inArray(picasaIniPhotos.photoHash, chunk)))
        .all()
        .map((r) => r.hash),
    ),
  );
  for (const chunk of chunked(dropped.filter((hash) => !stillStarred.has(hash)))) {
    db.update(photos).set({ starred: false }).where(inArray(photos.hash, chunk)).run();
  }
}

/**
 * Every folder holding present images becomes an album with source `folder` (external key = the
 * folder path, name = its last part), listing the images directly in it. Folders that no longer
 * hold images lose their album. Returns the number of folder albums.
 */
export function syncFolderAlbums(db: KindredDb): number {
  db.run(sql`INSERT INTO photos (hash)
    SELECT DISTINCT f.content_hash FROM files f JOIN contents c ON c.hash = f.content_hash
    WHERE f.status = 'present' AND c.kind = 'image' ON CONFLICT DO NOTHING`);
  const rows = db.all<{ path: string; hash: string }>(sql`SELECT f.path AS path, f.content_hash AS hash
    FROM files f JOIN contents c ON c.hash = f.content_hash WHERE f.status = 'present' AND c.kind = 'image'`);
  const wanted = new Map<string, Set<string>>();
  for (const row of rows) {
    const folder = dirname(row.path);
    const set = wanted.get(folder) ?? new Set<string>();
    set.add(row.hash);
    wanted.set(folder, set);
  }
  const existing = db.select().from(albums).where(eq(albums.source, 'folder')).all();
  for (const album of existing) {
    if (album.externalKey !== null && wanted.has(album.externalKey)) continue;
    db.delete(albumPhotos).where(eq(albumPhotos.albumId, album.id)).run();
    db.delete(albums).where(eq(albums.id, album.id)).run();
  }
  const ids = new Map(existing.map((a) => [a.externalKey, a.id]));
  for (const [folder, hashes] of wanted) {
    let albumId = ids.get(folder);
    if (albumId === undefined) {
      albumId = db
        .insert(albums)
        .values({ name: basename(folder) || folder, source: 'folder', externalKey: folder })
        .returning({ id: albums.id })
        .get().id;
    }
    const have = new Set(
      db
        .select({ hash: albumPhotos.photoHash })
        .from(albumPhotos)
        .where(eq(albumPhotos.albumId, albumId))
        .all()
        .map((r) => r.hash),
    );
    for (const hash of have) {
      if (!hashes.has(hash)) {
        db.delete(albumPhotos)
          .where(and(eq(albumPhotos.albumId, albumId), eq(albumPhotos.photoHash, hash)))
          .run();
      }
    }
    const missing = [...hashes].filter((hash) => !have.has(hash));
    for (const chunk of chunked(missing)) {
      db.insert(albumPhotos)
        .values(chunk.map((photoHash) => ({ albumId, photoHash })))
        .run();
    }
  }
  return wanted.size;
}
