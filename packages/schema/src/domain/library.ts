import { albumPhotos, albums, type KindredDb, photos } from '@kindred/db';
import { and, eq, inArray, max } from 'drizzle-orm';
import { NotFoundError } from './errors.js';
import { cleanName } from './people.js';
import { editTransaction, type Tx } from './tx.js';

function loadAlbum(tx: Tx, albumId: number) {
  const album = tx.select().from(albums).where(eq(albums.id, albumId)).get();
  if (!album) throw new NotFoundError('Album', albumId);
  return album;
}

function checkPhotos(tx: Tx, hashes: string[]): string[] {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return unique;
  const found = new Set(
    tx
      .select({ hash: photos.hash })
      .from(photos)
      .where(inArray(photos.hash, unique))
      .all()
      .map((p) => p.hash),
  );
  const missing = unique.find((hash) => !found.has(hash));
  if (missing) throw new NotFoundError('Photo', missing);
  return unique;
}

export function createAlbum(db: KindredDb, actor: string, rawName: string) {
  const name = cleanName(rawName);
  return editTransaction(db, actor, 'createAlbum', (tx) => {
    const albumId = tx
      .insert(albums)
      .values({ name, source: 'user', createdAt: new Date().toISOString() })
      .returning({ id: albums.id })
      .get().id;
    return { payload: { albumId, name }, albumId };
  });
}

export function renameAlbum(db: KindredDb, actor: string, albumId: number, rawName: string) {
  const name = cleanName(rawName);
  return editTransaction(db, actor, 'renameAlbum', (tx) => {
    const album = loadAlbum(tx, albumId);
    tx.update(albums).set({ name }).where(eq(albums.id, albumId)).run();
    return { payload: { albumId, previousName: album.name, name }, albumId };
  });
}

export function addToAlbum(db: KindredDb, actor: string, albumId: number, hashes: string[]) {
  return editTransaction(db, actor, 'addToAlbum', (tx) => {
    loadAlbum(tx, albumId);
    const unique = checkPhotos(tx, hashes);
    const present = new Set(
      tx
        .select({ hash: albumPhotos.photoHash })
        .from(albumPhotos)
        .where(eq(albumPhotos.albumId, albumId))
        .all()
        .map((r) => r.hash),
    );
    const added = unique.filter((hash) => !present.has(hash));
    const last = tx
      .select({ value: max(albumPhotos.position) })
      .from(albumPhotos)
      .where(eq(albumPhotos.albumId, albumId))
      .get();
    const start = (last?.value ?? -1) + 1;
    if (added.length) {
      tx.insert(albumPhotos)
        .values(added.map((photoHash, i) => ({ albumId, photoHash, position: start + i })))
        .run();
    }
    return { payload: { albumId, added }, albumId };
  });
}

export function removeFromAlbum(db: KindredDb, actor: string, albumId: number, hashes: string[]) {
  return editTransaction(db, actor, 'removeFromAlbum', (tx) => {
    loadAlbum(tx, albumId);
    const unique = [...new Set(hashes)];
    const removed = unique.length
      ? tx
          .delete(albumPhotos)
          .where(and(eq(albumPhotos.albumId, albumId), inArray(albumPhotos.photoHash, unique)))
          .returning({ hash: albumPhotos.photoHash, position: albumPhotos.position })
          .all()
      : [];
    return { payload: { albumId, removed }, albumId };
  });
}

export function setStarred(db: KindredDb, actor: string, photoHash: string, starred: boolean) {
  return editTransaction(db, actor, 'setStarred', (tx) => {
    const photo = tx.select({ starred: photos.starred }).from(photos).where(eq(photos.hash, photoHash)).get();
    if (!photo) throw new NotFoundError('Photo', photoHash);
    tx.update(photos).set({ starred }).where(eq(photos.hash, photoHash)).run();
    return { payload: { photoHash, previous: photo.starred, starred }, photoHash };
  });
}
