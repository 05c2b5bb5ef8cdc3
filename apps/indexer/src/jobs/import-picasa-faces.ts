import { faces, type KindredDb, people, photos } from '@kindred/db';
import { and, eq, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Box } from '../picasa/types.js';
import {
  existingFaceIds,
  faceKeysOf,
  forgetUnlisted,
  listedKey,
  lookupKey,
  recordFaceKey,
} from './import-face-keys.js';
import { chunked } from './import-picasa-chunks.js';
import type { PicasaAssignment } from './import-picasa-people.js';

/** A face an `.ini` says a photo content has. */
export interface WantedPicasaFace extends PicasaAssignment {
  photoHash: string;
  contactId: string;
  box: Box;
  /** The rect64 as the file writes it (`picasaRegionKey`): what a deletion in Kindred is remembered by. */
  regionKey: string;
}

export interface FaceSyncCounts {
  added: number;
  updated: number;
  removed: number;
  /** Faces a person edited in Kindred that the `.ini` would have changed or removed. */
  keptUserEdits: number;
  /** Tags whose face the family deleted in Kindred: not brought back while the file lists the same rect. */
  keptDeleted: number;
}

type FaceRow = typeof faces.$inferSelect;

const sameBox = (a: Box, b: Box) =>
  Math.abs(a.x - b.x) < 1e-6 &&
  Math.abs(a.y - b.y) < 1e-6 &&
  Math.abs(a.w - b.w) < 1e-6 &&
  Math.abs(a.h - b.h) < 1e-6;
const rowBox = (row: FaceRow): Box => ({ x: row.x, y: row.y, w: row.w, h: row.h });

/**
 * Makes the Picasa faces owned by one `.ini` match what it says now. Existing faces are paired with
 * wanted ones (same photo, contact and box; else same photo and box: the tag changed; else same
 * photo and contact: the box moved) and updated in place, so their ids, descriptors and landmarks
 * survive. Faces the `.ini` no longer lists are removed. A face with `edited_by_user` is never
 * changed or removed (Kindred's edits win), but still absorbs the entry it came from. A removed or
 * moved face that had taken a detection's descriptor (the detection row was merged into it) sends its
 * photo back to the faces step (`faces_pipeline` cleared), so the detection is found again. A tag whose
 * face was deleted in Kindred (its `face_imports` row outlived the face) is skipped while the file still
 * lists the same rect.
 */
export function syncPicasaFaces(db: KindredDb, iniPath: string, listed: WantedPicasaFace[]): FaceSyncCounts {
  const counts: FaceSyncCounts = { added: 0, updated: 0, removed: 0, keptUserEdits: 0, keptDeleted: 0 };
  const keys = faceKeysOf(
    db,
    'picasa',
    listed.map((w) => w.photoHash),
  );
  const alive = existingFaceIds(
    db,
    [...keys.values()].map((row) => row.faceId),
  );
  const wanted = listed.filter((w) => {
    const row = lookupKey(keys, w.photoHash, w.regionKey);
    if (!row || alive.has(row.faceId)) return true;
    counts.keptDeleted++;
    return false;
  });
  /** The face each wanted tag is now, to record under its rect. */
  const faceOf = new Map<WantedPicasaFace, number>();
  const owned = db
    .select()
    .from(faces)
    .where(and(eq(faces.picasaIniPath, iniPath), eq(faces.source, 'picasa')))
    .all();
  const { held, orphans } = otherPicasaFaces(db, iniPath, wanted);
  const existing = [...owned, ...orphans];
  const open = new Map<string, WantedPicasaFace[]>();
  for (const w of wanted) {
    if (
      held.some(
        (row) =>
          row.photoHash === w.photoHash && row.picasaContactId === w.contactId && sameBox(rowBox(row), w.box),
      )
    )
      continue;
    open.set(w.photoHash, [...(open.get(w.photoHash) ?? []), w]);
  }
  const pairs: [FaceRow, WantedPicasaFace][] = [];
  /** Photos whose detection a removed or moved tag had absorbed: the faces step must detect them again. */
  const redetect = new Set<string>();
  const rules: ((row: FaceRow, w: WantedPicasaFace) => boolean)[] = [
    (row, w) => row.picasaContactId === w.contactId && sameBox(rowBox(row), w.box),
    (row, w) => sameBox(rowBox(row), w.box),
    (row, w) => row.picasaContactId === w.contactId,
  ];
  let unpaired = existing;
  for (const rule of rules) {
    unpaired = unpaired.filter((row) => {
      const candidates = open.get(row.photoHash) ?? [];
      const index = candidates.findIndex((w) => rule(row, w));
      if (index < 0) return true;
      pairs.push([row, candidates[index] as WantedPicasaFace]);
      candidates.splice(index, 1);
      return false;
    });
  }
  for (const [row, w] of pairs) {
    faceOf.set(w, row.id);
    if (row.picasaIniPath !== iniPath) {
      db.update(faces).set({ picasaIniPath: iniPath }).where(eq(faces.id, row.id)).run(); // adopt an orphan
    }
    const changed =
      row.picasaContactId !== w.contactId ||
      !sameBox(rowBox(row), w.box) ||
      row.personId !== w.personId ||
      row.state !== w.state;
    if (!changed) continue;
    if (row.editedByUser) {
      counts.keptUserEdits++;
      continue;
    }
    const moved = !sameBox(rowBox(row), w.box);
    // A moved box invalidates the description it took from a detection: describe it again.
    const redescribe = moved ? { descriptor: null, landmarks: null, score: null, pipeline: null } : {};
    if (moved && row.descriptor !== null) redetect.add(row.photoHash);
    db.update(faces)
      .set({ ...w.box, ...redescribe, picasaContactId: w.contactId, personId: w.personId, state: w.state })
      .where(eq(faces.id, row.id))
      .run();
    counts.updated++;
  }
  // Orphans no entry claimed are not this file's to remove.
  const removableRows = unpaired.filter((row) => !row.editedByUser && row.picasaIniPath === iniPath);
  counts.keptUserEdits += unpaired.filter((row) => row.editedByUser && row.picasaIniPath === iniPath).length;
  deleteImportedFaces(db, removableRows);
  counts.removed = removableRows.length;
  markForRedetection(db, redetect);
  for (const w of [...open.values()].flat()) {
    const added = db
      .insert(faces)
      .values({
        photoHash: w.photoHash,
        ...w.box,
        source: 'picasa',
        personId: w.personId,
        state: w.state,
        picasaContactId: w.contactId,
        picasaIniPath: iniPath,
      })
      .returning({ id: faces.id })
      .get();
    faceOf.set(w, added.id);
    counts.added++;
  }
  for (const [w, faceId] of faceOf) {
    recordFaceKey(db, {
      source: 'picasa',
      photoHash: w.photoHash,
      regionKey: w.regionKey,
      faceId,
      origin: iniPath,
    });
  }
  forgetUnlisted(db, 'picasa', iniPath, new Set(listed.map((w) => listedKey(w.photoHash, w.regionKey))));
  return counts;
}

/**
 * Deletes faces an outside file no longer lists. A face that had taken a detection's descriptor (the
 * detection row was merged into it) sends its photo back to the faces step, so the detection is found again.
 */
export function deleteImportedFaces(db: KindredDb, rows: readonly FaceRow[]): void {
  for (const chunk of chunked(rows.map((row) => row.id))) {
    db.update(people).set({ coverFaceId: null }).where(inArray(people.coverFaceId, chunk)).run();
    db.delete(faces).where(inArray(faces.id, chunk)).run();
  }
  markForRedetection(
    db,
    rows.filter((row) => row.descriptor !== null).map((row) => row.photoHash),
  );
}

/** Clears `faces_pipeline` of these photos: the faces step detects them again. */
export function markForRedetection(db: KindredDb, hashes: Iterable<string>): void {
  for (const chunk of chunked([...new Set(hashes)])) {
    db.update(photos).set({ facesPipeline: null }).where(inArray(photos.hash, chunk)).run();
  }
}

/**
 * Picasa faces of the same contents that this file does not own: `held` by another `.ini` (a copy of
 * the folder, say: not added twice), and `orphans` whose `.ini` has gone (a renamed folder: adopted
 * when an entry here pairs with them).
 */
function otherPicasaFaces(db: KindredDb, iniPath: string, wanted: WantedPicasaFace[]) {
  const hashes = [...new Set(wanted.map((w) => w.photoHash))];
  const rows = chunked(hashes).flatMap((chunk) =>
    db
      .select()
      .from(faces)
      .where(
        and(
          inArray(faces.photoHash, chunk),
          eq(faces.source, 'picasa'),
          or(isNull(faces.picasaIniPath), ne(faces.picasaIniPath, iniPath)),
        ),
      )
      .all(),
  );
  return {
    held: rows.filter((r) => r.picasaIniPath !== null),
    orphans: rows.filter((r) => r.picasaIniPath === null),
  };
}
