import { faceImports, faces, type KindredDb } from '@kindred/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Box, PicasaRect } from '../picasa/types.js';
import { chunked } from './import-picasa-chunks.js';

/**
 * The `face_imports` rows: which face each region of an outside file (a `.picasa.ini`, XMP) became. A row
 * whose face no longer exists is a face the family deleted: the importers leave its region alone while the
 * file still lists it (see docs/picasa.md and docs/xmp.md).
 */
export type FaceKeyRow = typeof faceImports.$inferSelect;
export type FaceKeySource = FaceKeyRow['source'];

/** A Picasa rect64's four 16-bit fields (what the file says, whatever the photo's orientation). */
export const picasaRegionKey = (rect: PicasaRect) =>
  [rect.left, rect.top, rect.right, rect.bottom].map((v) => Math.round(v * 65535)).join(',');

/** An XMP region's upright box, rounded so that re-reading the same text gives the same key. */
export const xmpRegionKey = (box: Box) => [box.x, box.y, box.w, box.h].map((v) => v.toFixed(4)).join(',');

const mapKey = (photoHash: string, regionKey: string) => `${photoHash}\u0000${regionKey}`;

/** The key rows of `source` for these photo contents, by photo hash + region key. */
export function faceKeysOf(
  db: KindredDb,
  source: FaceKeySource,
  photoHashes: readonly string[],
): Map<string, FaceKeyRow> {
  const rows = chunked([...new Set(photoHashes)]).flatMap((chunk) =>
    db
      .select()
      .from(faceImports)
      .where(and(eq(faceImports.source, source), inArray(faceImports.photoHash, chunk)))
      .all(),
  );
  return new Map(rows.map((row) => [mapKey(row.photoHash, row.regionKey), row]));
}

export const lookupKey = (keys: Map<string, FaceKeyRow>, photoHash: string, regionKey: string) =>
  keys.get(mapKey(photoHash, regionKey));

/** Of these face ids, the ones that still exist. */
export function existingFaceIds(db: KindredDb, ids: Iterable<number>): Set<number> {
  const alive = new Set<number>();
  for (const chunk of chunked([...new Set(ids)])) {
    for (const row of db.select({ id: faces.id }).from(faces).where(inArray(faces.id, chunk)).all())
      alive.add(row.id);
  }
  return alive;
}

/** Records (or moves) the face a region became. */
export function recordFaceKey(db: KindredDb, row: FaceKeyRow): void {
  db.insert(faceImports)
    .values(row)
    .onConflictDoUpdate({
      target: [faceImports.source, faceImports.photoHash, faceImports.regionKey],
      set: { faceId: row.faceId, origin: row.origin },
    })
    .run();
}

/** True when `origin` (a file) has recorded any region of `source`. Asked once per photo: plain SQL. */
export function hasFaceKeysFrom(db: KindredDb, source: FaceKeySource, origin: string): boolean {
  return (
    db.$client
      .prepare('SELECT 1 FROM face_imports WHERE source = ? AND origin = ? LIMIT 1')
      .get(source, origin) !== undefined
  );
}

/**
 * Forgets the regions `origin` recorded that it no longer lists (`listed`: photo hash + region key of
 * everything the file says now, deleted faces included). Returns the rows forgotten.
 */
export function forgetUnlisted(
  db: KindredDb,
  source: FaceKeySource,
  origin: string,
  listed: ReadonlySet<string>,
): FaceKeyRow[] {
  const rows = db
    .select()
    .from(faceImports)
    .where(and(eq(faceImports.source, source), eq(faceImports.origin, origin)))
    .all()
    .filter((row) => !listed.has(mapKey(row.photoHash, row.regionKey)));
  for (const row of rows) {
    db.delete(faceImports)
      .where(
        and(
          eq(faceImports.source, source),
          eq(faceImports.photoHash, row.photoHash),
          eq(faceImports.regionKey, row.regionKey),
        ),
      )
      .run();
  }
  return rows;
}

/** The set entry for `forgetUnlisted`. */
export const listedKey = mapKey;
