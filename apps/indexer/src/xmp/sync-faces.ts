import { faces, type KindredDb } from '@kindred/db';
import { eq } from 'drizzle-orm';
import { iou } from '../jobs/face-matching.js';
import { isKept } from '../jobs/faces-store.js';
import {
  existingFaceIds,
  faceKeysOf,
  forgetUnlisted,
  hasFaceKeysFrom,
  listedKey,
  lookupKey,
  recordFaceKey,
  xmpRegionKey,
} from '../jobs/import-face-keys.js';
import { deleteImportedFaces } from '../jobs/import-picasa-faces.js';
import type { PicasaPeople } from '../jobs/import-picasa-people.js';
import { SAME_REGION_IOU, type UprightRegion } from './read-photo.js';

export interface XmpSyncCounts {
  /** New faces with source `xmp`. */
  added: number;
  /** Regions that are a face the photo already had (a Picasa tag, one Kindred wrote, a face named in Kindred). */
  linked: number;
  updated: number;
  removed: number;
  /** Regions whose face the family deleted in Kindred: not brought back. */
  keptDeleted: number;
  personIds: Set<number>;
}

type FaceRow = typeof faces.$inferSelect;

/**
 * Makes the XMP faces one image file gave its content match what its XMP says now (call inside a
 * transaction). Each region is remembered by its rounded upright box in `face_imports`:
 * - a region seen before keeps its face; an `xmp` face not edited in Kindred follows a changed name;
 * - a region whose face was deleted in Kindred is not brought back while the XMP still lists it;
 * - a new region that overlaps a face the photo already has (any source, but not a bare detection) is
 *   that face: linked, not added and not changed, so Kindred's own export read back adds nothing;
 * - otherwise a face is added: source `xmp`, confirmed with the person of its name (one person per name),
 *   or unassigned without a name. The faces step pairs it with a detection or describes its box;
 * - regions the XMP no longer lists: their `xmp` faces are removed unless edited in Kindred.
 */
export function syncXmpFaces(
  db: KindredDb,
  origin: string,
  photoHash: string,
  regions: readonly UprightRegion[],
  people: PicasaPeople,
): XmpSyncCounts {
  const counts: XmpSyncCounts = {
    added: 0,
    linked: 0,
    updated: 0,
    removed: 0,
    keptDeleted: 0,
    personIds: new Set(),
  };
  db.$client.prepare('INSERT INTO photos (hash) VALUES (?) ON CONFLICT DO NOTHING').run(photoHash); // once per photo
  // Most photos carry no face regions: with nothing listed now or before by this file, nothing changes.
  if (regions.length === 0 && !hasFaceKeysFrom(db, 'xmp', origin)) return counts;
  const rows = db.select().from(faces).where(eq(faces.photoHash, photoHash)).all();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const keys = faceKeysOf(db, 'xmp', [photoHash]);
  const alive = existingFaceIds(
    db,
    [...keys.values()].map((row) => row.faceId),
  );
  const claimed = new Set<number>();
  for (const key of keys.values()) if (alive.has(key.faceId)) claimed.add(key.faceId);
  const listed = new Set<string>();
  for (const region of regions) {
    const regionKey = xmpRegionKey(region.box);
    listed.add(listedKey(photoHash, regionKey));
    const known = lookupKey(keys, photoHash, regionKey);
    if (known && !alive.has(known.faceId)) {
      counts.keptDeleted++;
      continue;
    }
    const face = known ? byId.get(known.faceId) : undefined;
    const personOf = () => {
      const personId = region.name ? people.named(region.name) : null;
      if (personId !== null) counts.personIds.add(personId);
      return personId;
    };
    if (face) {
      const personId = face.source === 'xmp' && !face.editedByUser ? personOf() : face.personId;
      if (face.source === 'xmp' && !face.editedByUser && face.personId !== personId) {
        db.update(faces)
          .set({ personId, state: personId === null ? 'unassigned' : 'confirmed', suggestionDistance: null })
          .where(eq(faces.id, face.id))
          .run();
        counts.updated++;
      }
      recordFaceKey(db, { source: 'xmp', photoHash, regionKey, faceId: face.id, origin });
      continue;
    }
    const same = overlapping(rows, region, claimed);
    const faceId = same?.id ?? addFace(db, photoHash, region, personOf());
    claimed.add(faceId);
    if (same) counts.linked++;
    else counts.added++;
    recordFaceKey(db, { source: 'xmp', photoHash, regionKey, faceId, origin });
  }
  const forgotten = forgetUnlisted(db, 'xmp', origin, listed);
  const removable = forgotten
    .map((row) => byId.get(row.faceId))
    .filter((face): face is FaceRow => face?.source === 'xmp' && !face.editedByUser);
  deleteImportedFaces(db, removable);
  counts.removed = removable.length;
  return counts;
}

/** The photo's face (not a bare detection, not claimed by another region) this region stands for. */
function overlapping(rows: FaceRow[], region: UprightRegion, claimed: Set<number>): FaceRow | undefined {
  let best: FaceRow | undefined;
  let bestScore = SAME_REGION_IOU;
  for (const row of rows) {
    if (claimed.has(row.id) || !isKept(row)) continue;
    const score = iou(row, region.box);
    if (score >= bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

function addFace(db: KindredDb, photoHash: string, region: UprightRegion, personId: number | null): number {
  return db
    .insert(faces)
    .values({
      photoHash,
      ...region.box,
      source: 'xmp',
      personId,
      state: personId === null ? 'unassigned' : 'confirmed',
    })
    .returning({ id: faces.id })
    .get().id;
}
