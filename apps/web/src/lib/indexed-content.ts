import { faces, files, photos } from '@kindred/db';
import { and, eq } from 'drizzle-orm';
import { database } from '@/lib/db';

const HASH = /^[0-9a-f]{64}$/;

/** True for a lowercase SHA-256 hex string, the only form of photo id the image routes accept. */
export function isContentHash(value: string): boolean {
  return HASH.test(value);
}

export interface IndexedPhoto {
  hash: string;
  path: string;
  width: number | null;
  height: number | null;
}

/** A present file on disk holding this indexed photo, or null (unknown hash, or every copy removed). */
export function findIndexedPhoto(hash: string): IndexedPhoto | null {
  if (!isContentHash(hash)) return null;
  const row = database()
    .select({ path: files.path, width: photos.width, height: photos.height })
    .from(photos)
    .innerJoin(files, eq(files.contentHash, photos.hash))
    .where(and(eq(photos.hash, hash), eq(files.status, 'present')))
    .limit(1)
    .get();
  return row ? { hash, ...row } : null;
}

export interface IndexedFace {
  id: number;
  box: { x: number; y: number; w: number; h: number };
  photo: IndexedPhoto;
}

/** A face of an indexed photo that is still on disk, or null. */
export function findIndexedFace(faceId: number): IndexedFace | null {
  if (!Number.isSafeInteger(faceId) || faceId <= 0) return null;
  const face = database()
    .select({ x: faces.x, y: faces.y, w: faces.w, h: faces.h, photoHash: faces.photoHash })
    .from(faces)
    .where(eq(faces.id, faceId))
    .get();
  if (!face) return null;
  const photo = findIndexedPhoto(face.photoHash);
  return photo ? { id: faceId, box: { x: face.x, y: face.y, w: face.w, h: face.h }, photo } : null;
}
