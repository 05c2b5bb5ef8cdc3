import { faces } from '@kindred/db';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { ConfirmedFaceError, NotFoundError, SamePhotoConflictError } from './errors.js';
import type { Tx } from './tx.js';

export type FaceRow = typeof faces.$inferSelect;

/** What a face looked like before an edit: enough to put it back. */
export interface FaceBefore {
  id: number;
  personId: number | null;
  state: FaceRow['state'];
  suggestionDistance: number | null;
  editedByUser: boolean;
}

export function faceBefore(face: FaceRow): FaceBefore {
  return {
    id: face.id,
    personId: face.personId,
    state: face.state,
    suggestionDistance: face.suggestionDistance,
    editedByUser: face.editedByUser,
  };
}

export function loadFace(tx: Tx, faceId: number): FaceRow {
  const face = tx.select().from(faces).where(eq(faces.id, faceId)).get();
  if (!face) throw new NotFoundError('Face', faceId);
  return face;
}

/**
 * Confirms `faceIds` as `personId`, keeping "two faces of one photo are never the same person":
 * a photo where another face is already confirmed as that person (or two of the given faces share a photo)
 * fails with SamePhotoConflictError; a competing *suggestion* of that person in the photo is withdrawn.
 * Faces confirmed as someone else fail with ConfirmedFaceError unless `moveConfirmed` (an explicit move of that face).
 * Returns the faces' states before, including withdrawn suggestions.
 */
export function confirmFaces(
  tx: Tx,
  faceIds: number[],
  personId: number,
  moveConfirmed: boolean,
): FaceBefore[] {
  if (faceIds.length === 0) return [];
  const rows = tx.select().from(faces).where(inArray(faces.id, faceIds)).all();
  const found = new Set(rows.map((row) => row.id));
  const missing = faceIds.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFoundError('Face', missing);
  const byPhoto = new Map<string, number[]>();
  for (const row of rows) {
    if (!moveConfirmed && row.state === 'confirmed' && row.personId !== personId)
      throw new ConfirmedFaceError(row.id);
    byPhoto.set(row.photoHash, [...(byPhoto.get(row.photoHash) ?? []), row.id]);
  }
  const photoHashes = [...byPhoto.keys()];
  const others = tx
    .select()
    .from(faces)
    .where(and(inArray(faces.photoHash, photoHashes), eq(faces.personId, personId)))
    .all()
    .filter((other) => !found.has(other.id));
  for (const [photoHash, ids] of byPhoto) {
    const confirmedOther = others.find(
      (other) => other.photoHash === photoHash && other.state === 'confirmed',
    );
    if (ids.length > 1 || confirmedOther) {
      throw new SamePhotoConflictError(
        photoHash,
        personId,
        confirmedOther ? [...ids, confirmedOther.id] : ids,
      );
    }
  }
  const withdrawn = others.filter((other) => other.state !== 'confirmed');
  const before = [...rows, ...withdrawn].map(faceBefore);
  if (withdrawn.length) {
    tx.update(faces)
      .set({ personId: null, state: 'unassigned', suggestionDistance: null, editedByUser: true })
      .where(
        inArray(
          faces.id,
          withdrawn.map((face) => face.id),
        ),
      )
      .run();
  }
  tx.update(faces)
    .set({ personId, state: 'confirmed', suggestionDistance: null, editedByUser: true })
    .where(inArray(faces.id, faceIds))
    .run();
  return before;
}

/** Puts faces back as they were (undo), skipping ones deleted since. */
export function restoreFaces(tx: Tx, before: FaceBefore[]): void {
  for (const face of before) {
    tx.update(faces)
      .set({
        personId: face.personId,
        state: face.state,
        suggestionDistance: face.suggestionDistance,
        editedByUser: face.editedByUser,
      })
      .where(eq(faces.id, face.id))
      .run();
  }
}

/** Faces of a person (any state but unassigned) other than the given ones. */
export function facesOfPerson(tx: Tx, personId: number): FaceRow[] {
  return tx
    .select()
    .from(faces)
    .where(and(eq(faces.personId, personId), ne(faces.state, 'unassigned')))
    .all();
}
