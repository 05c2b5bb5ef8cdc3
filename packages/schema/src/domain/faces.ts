import { faceRejections, faces, files, type KindredDb, people, photos, vectorToBlob } from '@kindred/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Box, DescribeBox } from '../context.js';
import { ConfirmedFaceError, InvalidInputError, NameTakenError, NotFoundError } from './errors.js';
import { confirmFaces, faceBefore, loadFace } from './face-rules.js';
import { cleanName, clearStaleCovers, loadPerson } from './people.js';
import { editTransaction } from './tx.js';

/** Gives a face to a person (an existing one, or a new one by name), confirmed. */
export function assignFace(
  db: KindredDb,
  actor: string,
  faceId: number,
  target: { personId?: number | null; newName?: string | null },
) {
  if ((target.personId == null) === (target.newName == null)) {
    throw new InvalidInputError('give exactly one of personId or newName');
  }
  return editTransaction(db, actor, 'assignFace', (tx) => {
    const face = loadFace(tx, faceId);
    let personId: number;
    let created = false;
    if (target.personId != null) {
      personId = loadPerson(tx, target.personId).id;
    } else {
      const name = cleanName(target.newName as string);
      const owner = tx.select().from(people).where(eq(people.name, name)).get();
      if (owner && owner.mergedInto === null) throw new NameTakenError(owner.id, name);
      if (owner) tx.update(people).set({ name: null }).where(eq(people.id, owner.id)).run();
      personId = tx.insert(people).values({ name }).returning({ id: people.id }).get().id;
      created = true;
    }
    const before = confirmFaces(tx, [faceId], personId, true);
    if (face.personId !== null && face.personId !== personId) clearStaleCovers(tx, [faceId]);
    return { payload: { faceId, personId, created, faces: before }, faceId, personId };
  });
}

/** Confirms machine suggestions as they stand. All or nothing. */
export function confirmSuggestions(db: KindredDb, actor: string, faceIds: number[]) {
  return editTransaction(db, actor, 'confirmSuggestions', (tx) => {
    const unique = [...new Set(faceIds)];
    const rows = unique.map((id) => loadFace(tx, id));
    const byPerson = new Map<number, number[]>();
    for (const row of rows) {
      if (row.state === 'confirmed') throw new ConfirmedFaceError(row.id);
      if (row.state !== 'suggested' || row.personId === null) {
        throw new InvalidInputError(`face ${row.id} has no suggestion to confirm`);
      }
      byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.id]);
    }
    const before = [...byPerson].flatMap(([personId, ids]) => confirmFaces(tx, ids, personId, false));
    return { payload: { faceIds: unique, faces: before }, faceIds: unique };
  });
}

/** "Not this person": withdraws the suggestion and remembers never to suggest it again. */
export function rejectSuggestion(db: KindredDb, actor: string, faceId: number) {
  return editTransaction(db, actor, 'rejectSuggestion', (tx) => {
    const face = loadFace(tx, faceId);
    if (face.state === 'confirmed') throw new ConfirmedFaceError(faceId);
    if (face.state !== 'suggested' || face.personId === null) {
      throw new InvalidInputError(`face ${faceId} has no suggestion to reject`);
    }
    tx.insert(faceRejections).values({ faceId, personId: face.personId }).onConflictDoNothing().run();
    tx.update(faces)
      .set({ personId: null, state: 'unassigned', suggestionDistance: null, editedByUser: true })
      .where(eq(faces.id, faceId))
      .run();
    return { payload: { faceId, rejectedPersonId: face.personId, faces: [faceBefore(face)] }, faceId };
  });
}

/** Takes a face away from its person (confirmed or suggested); also remembered as a rejection. */
export function removeFaceFromPerson(db: KindredDb, actor: string, faceId: number) {
  return editTransaction(db, actor, 'removeFaceFromPerson', (tx) => {
    const face = loadFace(tx, faceId);
    if (face.personId === null) throw new InvalidInputError(`face ${faceId} belongs to nobody`);
    tx.insert(faceRejections).values({ faceId, personId: face.personId }).onConflictDoNothing().run();
    tx.update(faces)
      .set({ personId: null, state: 'unassigned', suggestionDistance: null, editedByUser: true })
      .where(eq(faces.id, faceId))
      .run();
    clearStaleCovers(tx, [faceId]);
    return {
      payload: { faceId, personId: face.personId, faces: [faceBefore(face)] },
      faceId,
      personId: face.personId,
    };
  });
}

function checkBox(box: Box): void {
  const values = [box.x, box.y, box.w, box.h];
  if (values.some((v) => !Number.isFinite(v)) || box.w <= 0 || box.h <= 0) {
    throw new InvalidInputError('a box needs finite x, y and positive w, h');
  }
  if (box.x < 0 || box.y < 0 || box.x + box.w > 1.0001 || box.y + box.h > 1.0001) {
    throw new InvalidInputError('a box must lie inside the photo (normalized 0..1)');
  }
}

/** A face drawn by hand: described from the box (when a describer is given), source manual. */
export async function addFace(
  db: KindredDb,
  actor: string,
  input: { photoHash: string; box: Box; personId?: number | null },
  describeBox: DescribeBox | undefined,
) {
  checkBox(input.box);
  const photo = db.select({ hash: photos.hash }).from(photos).where(eq(photos.hash, input.photoHash)).get();
  if (!photo) throw new NotFoundError('Photo', input.photoHash);
  let description: Awaited<ReturnType<DescribeBox>> | null = null;
  if (describeBox) {
    const file = db
      .select({ path: files.path })
      .from(files)
      .where(and(eq(files.contentHash, photo.hash), eq(files.status, 'present')))
      .orderBy(asc(files.path))
      .get();
    if (!file) throw new InvalidInputError('the photo has no file on disk to describe the face from');
    try {
      description = await describeBox(file.path, input.box);
    } catch (error) {
      throw new InvalidInputError(`could not describe the face: ${(error as Error).message}`);
    }
  }
  return editTransaction(db, actor, 'addFace', (tx) => {
    const faceId = tx
      .insert(faces)
      .values({
        photoHash: photo.hash,
        ...input.box,
        source: 'manual',
        descriptor: description ? vectorToBlob(description.descriptor) : null,
        landmarks: description?.landmarks ? vectorToBlob(description.landmarks) : null,
        editedByUser: true,
      })
      .returning({ id: faces.id })
      .get().id;
    if (input.personId != null) confirmFaces(tx, [faceId], loadPerson(tx, input.personId).id, false);
    return {
      payload: { faceId, photoHash: photo.hash, box: input.box, personId: input.personId ?? null },
      faceId,
    };
  });
}

/** Deletes a face (a false detection); the whole row is kept in the edit for undo. */
export function deleteFace(db: KindredDb, actor: string, faceId: number) {
  return editTransaction(db, actor, 'deleteFace', (tx) => {
    const face = loadFace(tx, faceId);
    clearStaleCovers(tx, [faceId]);
    tx.delete(faceRejections)
      .where(inArray(faceRejections.faceId, [faceId]))
      .run();
    tx.delete(faces).where(eq(faces.id, faceId)).run();
    const { descriptor, landmarks, ...rest } = face;
    return {
      payload: {
        face: {
          ...rest,
          descriptor: descriptor?.toString('base64') ?? null,
          landmarks: landmarks?.toString('base64') ?? null,
        },
      },
      faceId,
      photoHash: face.photoHash,
    };
  });
}
