import { edits, faceRejections, faces, type KindredDb, people } from '@kindred/db';
import { and, eq, inArray, ne } from 'drizzle-orm';
import {
  InvalidInputError,
  NameTakenError,
  NotFoundError,
  SamePhotoConflictError,
  UndoError,
} from './errors.js';
import { confirmFaces, type FaceBefore, faceBefore, restoreFaces } from './face-rules.js';
import { editTransaction, type Tx } from './tx.js';

export type PersonRow = typeof people.$inferSelect;

export function cleanName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new InvalidInputError('a name must not be empty');
  if (clean.length > 200) throw new InvalidInputError('a name must be at most 200 characters');
  return clean;
}

/** A person that exists and was not merged away. */
export function loadPerson(tx: Tx, personId: number): PersonRow {
  const person = tx.select().from(people).where(eq(people.id, personId)).get();
  if (!person || person.mergedInto !== null) throw new NotFoundError('Person', personId);
  return person;
}

function personNamed(tx: Tx, name: string): PersonRow | undefined {
  return tx.select().from(people).where(eq(people.name, name)).get();
}

interface MergePayload extends Record<string, unknown> {
  fromPersonId: number;
  intoPersonId: number;
  faces: FaceBefore[];
  rejectionsAdded: number[];
  nameMoved: string | null;
  coverTaken: boolean;
}

/** Merges `from` into `into`: every face of `from` moves; `from` is kept (mergedInto) so undo can restore it. */
function mergeInTx(tx: Tx, fromId: number, intoId: number): MergePayload {
  if (fromId === intoId) throw new InvalidInputError('cannot merge a person into themselves');
  const from = loadPerson(tx, fromId);
  const into = loadPerson(tx, intoId);
  const moving = tx
    .select()
    .from(faces)
    .where(and(eq(faces.personId, fromId), ne(faces.state, 'unassigned')))
    .all();
  const staying = tx
    .select()
    .from(faces)
    .where(and(eq(faces.personId, intoId), ne(faces.state, 'unassigned')))
    .all();
  const confirmedPhotos = new Map(
    staying.filter((f) => f.state === 'confirmed').map((f) => [f.photoHash, f.id]),
  );
  const conflict = moving.find((f) => f.state === 'confirmed' && confirmedPhotos.has(f.photoHash));
  if (conflict) {
    throw new SamePhotoConflictError(conflict.photoHash, intoId, [
      conflict.id,
      confirmedPhotos.get(conflict.photoHash) as number,
    ]);
  }
  const before: FaceBefore[] = [...moving, ...staying].map(faceBefore);
  const movingConfirmed = new Set(moving.filter((f) => f.state === 'confirmed').map((f) => f.photoHash));
  for (const face of [...moving, ...staying]) {
    if (face.state !== 'suggested') continue;
    const photoTaken = confirmedPhotos.has(face.photoHash) || movingConfirmed.has(face.photoHash);
    tx.update(faces)
      .set(
        photoTaken ? { personId: null, state: 'unassigned', suggestionDistance: null } : { personId: intoId },
      )
      .where(eq(faces.id, face.id))
      .run();
  }
  tx.update(faces)
    .set({ personId: intoId, editedByUser: true })
    .where(and(eq(faces.personId, fromId), eq(faces.state, 'confirmed')))
    .run();
  const rejections = tx.select().from(faceRejections).where(eq(faceRejections.personId, fromId)).all();
  const existing = new Set(
    tx
      .select()
      .from(faceRejections)
      .where(eq(faceRejections.personId, intoId))
      .all()
      .map((r) => r.faceId),
  );
  const rejectionsAdded = rejections.map((r) => r.faceId).filter((id) => !existing.has(id));
  if (rejectionsAdded.length) {
    tx.insert(faceRejections)
      .values(rejectionsAdded.map((faceId) => ({ faceId, personId: intoId })))
      .run();
  }
  const nameMoved = into.name === null && from.name !== null ? from.name : null;
  const coverTaken = into.coverFaceId === null && from.coverFaceId !== null;
  tx.update(people)
    .set({ mergedInto: intoId, ...(nameMoved ? { name: null } : {}) })
    .where(eq(people.id, fromId))
    .run();
  if (nameMoved || coverTaken) {
    tx.update(people)
      .set({
        ...(nameMoved ? { name: nameMoved } : {}),
        ...(coverTaken ? { coverFaceId: from.coverFaceId } : {}),
      })
      .where(eq(people.id, intoId))
      .run();
  }
  return {
    fromPersonId: fromId,
    intoPersonId: intoId,
    faces: before,
    rejectionsAdded,
    nameMoved,
    coverTaken,
  };
}

export function mergePeople(db: KindredDb, actor: string, fromId: number, intoId: number) {
  return editTransaction(db, actor, 'mergePeople', (tx) => {
    const payload = mergeInTx(tx, fromId, intoId);
    return { payload, personId: intoId };
  });
}

/** Reverses a merge recorded as edit `editId`, if nothing has been merged on top of it. */
export function undoMerge(db: KindredDb, actor: string, editId: number) {
  return editTransaction(db, actor, 'undoMerge', (tx) => {
    const edit = tx.select().from(edits).where(eq(edits.id, editId)).get();
    if (!edit || !['mergePeople', 'namePerson'].includes(edit.action))
      throw new UndoError('unknown undo token');
    if (edit.undoneAt) throw new UndoError('this merge was already undone');
    const merge = (edit.payload as { merge?: MergePayload }).merge ?? (edit.payload as MergePayload);
    if (!merge?.fromPersonId) throw new UndoError('this edit was not a merge');
    const from = tx.select().from(people).where(eq(people.id, merge.fromPersonId)).get();
    if (!from || from.mergedInto !== merge.intoPersonId)
      throw new UndoError('the merged person has changed since');
    loadPerson(tx, merge.intoPersonId);
    restoreFaces(tx, merge.faces);
    if (merge.rejectionsAdded.length) {
      tx.delete(faceRejections)
        .where(
          and(
            eq(faceRejections.personId, merge.intoPersonId),
            inArray(faceRejections.faceId, merge.rejectionsAdded),
          ),
        )
        .run();
    }
    if (merge.nameMoved) tx.update(people).set({ name: null }).where(eq(people.id, merge.intoPersonId)).run();
    if (merge.coverTaken)
      tx.update(people).set({ coverFaceId: null }).where(eq(people.id, merge.intoPersonId)).run();
    tx.update(people)
      .set({ mergedInto: null, ...(merge.nameMoved ? { name: merge.nameMoved } : {}) })
      .where(eq(people.id, merge.fromPersonId))
      .run();
    tx.update(edits).set({ undoneAt: new Date().toISOString() }).where(eq(edits.id, editId)).run();
    return {
      payload: { undoneEditId: editId },
      personId: merge.fromPersonId,
      otherPersonId: merge.intoPersonId,
    };
  });
}

export interface NameTarget {
  personId?: number | null;
  clusterId?: number | null;
}

/**
 * Names a cluster (a new person gets its unconfirmed faces, confirmed) or renames a person.
 * A name that already belongs to someone else merges into them, only with `confirmMerge`.
 */
export function namePerson(
  db: KindredDb,
  actor: string,
  target: NameTarget,
  rawName: string,
  confirmMerge: boolean,
) {
  const name = cleanName(rawName);
  if ((target.personId == null) === (target.clusterId == null)) {
    throw new InvalidInputError('give exactly one of personId or clusterId');
  }
  return editTransaction(db, actor, 'namePerson', (tx) => {
    const owner = personNamed(tx, name);
    if (target.personId != null) {
      const person = loadPerson(tx, target.personId);
      if (owner && owner.id !== person.id) {
        if (owner.mergedInto === null) {
          if (!confirmMerge) throw new NameTakenError(owner.id, name);
          const merge = mergeInTx(tx, person.id, owner.id);
          return { payload: { personId: person.id, name, merge }, personId: owner.id, merged: true };
        }
        tx.update(people).set({ name: null }).where(eq(people.id, owner.id)).run(); // a merged-away person's old name is free
      }
      tx.update(people).set({ name }).where(eq(people.id, person.id)).run();
      return {
        payload: { personId: person.id, previousName: person.name, name },
        personId: person.id,
        merged: false,
      };
    }
    const clusterId = target.clusterId as number;
    const clusterFaces = tx
      .select({ id: faces.id })
      .from(faces)
      .where(and(eq(faces.clusterId, clusterId), ne(faces.state, 'confirmed')))
      .all()
      .map((f) => f.id);
    if (clusterFaces.length === 0) throw new NotFoundError('Cluster', clusterId);
    let personId: number;
    let created = false;
    if (owner && owner.mergedInto === null) {
      if (!confirmMerge) throw new NameTakenError(owner.id, name);
      personId = owner.id;
    } else {
      if (owner) tx.update(people).set({ name: null }).where(eq(people.id, owner.id)).run();
      personId = tx.insert(people).values({ name }).returning({ id: people.id }).get().id;
      created = true;
    }
    const before = confirmFaces(tx, clusterFaces, personId, false);
    return { payload: { clusterId, personId, created, name, faces: before }, personId, merged: !created };
  });
}

export function setHidden(db: KindredDb, actor: string, personId: number, hidden: boolean) {
  return editTransaction(db, actor, hidden ? 'hidePerson' : 'unhidePerson', (tx) => {
    const person = loadPerson(tx, personId);
    tx.update(people).set({ hidden }).where(eq(people.id, personId)).run();
    return { payload: { personId, previous: person.hidden }, personId };
  });
}

export function setCoverFace(db: KindredDb, actor: string, personId: number, faceId: number) {
  return editTransaction(db, actor, 'setCoverFace', (tx) => {
    const person = loadPerson(tx, personId);
    const face = tx.select().from(faces).where(eq(faces.id, faceId)).get();
    if (!face) throw new NotFoundError('Face', faceId);
    if (face.personId !== personId || face.state !== 'confirmed') {
      throw new InvalidInputError(`face ${faceId} is not a confirmed face of person ${personId}`);
    }
    tx.update(people).set({ coverFaceId: faceId }).where(eq(people.id, personId)).run();
    return { payload: { personId, faceId, previous: person.coverFaceId }, personId };
  });
}

/** Clears cover-face references to faces that no longer belong to their person. */
export function clearStaleCovers(tx: Tx, faceIds: number[]): void {
  if (faceIds.length === 0) return;
  tx.update(people).set({ coverFaceId: null }).where(inArray(people.coverFaceId, faceIds)).run();
}
