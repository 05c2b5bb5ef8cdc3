import { blobToVector, type KindredDb } from '@kindred/db';
import type { ExistingGroup } from '@kindred/recognition';

type Sqlite = KindredDb['$client'];

/** A face recognition will name or group. */
export interface PendingFace {
  id: number;
  photoHash: string;
  descriptor: Float32Array;
  clusterId: number | null;
  personId: number | null;
}

interface FaceRow {
  id: number;
  photoHash: string;
  descriptor: Buffer;
  clusterId: number | null;
  personId: number | null;
}

const COLUMNS = 'id, photo_hash AS photoHash, descriptor, cluster_id AS clusterId, person_id AS personId';

/**
 * Faces to work on. Incremental: faces never looked at (unassigned, no group yet). Full: every face
 * that is not confirmed. Confirmed faces are never returned.
 */
export function loadPendingFaces(sqlite: Sqlite, mode: 'new' | 'full'): PendingFace[] {
  const where = mode === 'full' ? `state != 'confirmed'` : `state = 'unassigned' AND cluster_id IS NULL`;
  const rows = sqlite
    .prepare(`SELECT ${COLUMNS} FROM faces WHERE ${where} AND descriptor IS NOT NULL ORDER BY id`)
    .all() as FaceRow[];
  return rows.map((r) => ({ ...r, descriptor: blobToVector(r.descriptor) }));
}

/** The unassigned faces of the given groups (they may have become nameable), in id order. */
export function loadGroupMembers(sqlite: Sqlite, clusterIds: number[]): PendingFace[] {
  const out: PendingFace[] = [];
  const CHUNK = 500;
  for (let i = 0; i < clusterIds.length; i += CHUNK) {
    const chunk = clusterIds.slice(i, i + CHUNK);
    const rows = sqlite
      .prepare(
        `SELECT ${COLUMNS} FROM faces WHERE state = 'unassigned' AND descriptor IS NOT NULL
         AND cluster_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as FaceRow[];
    for (const r of rows) out.push({ ...r, descriptor: blobToVector(r.descriptor) });
  }
  return out.sort((a, b) => a.id - b.id);
}

/** People rejected for each pending face, keyed by the face's row in `faces`. */
export function loadRejections(sqlite: Sqlite, faces: PendingFace[]): Map<number, Set<number>> {
  const rowOf = new Map(faces.map((f, i) => [f.id, i]));
  const result = new Map<number, Set<number>>();
  const rows = sqlite
    .prepare('SELECT face_id AS faceId, person_id AS personId FROM face_rejections')
    .all() as {
    faceId: number;
    personId: number;
  }[];
  for (const r of rows) {
    const row = rowOf.get(r.faceId);
    if (row === undefined) continue;
    const set = result.get(row) ?? new Set<number>();
    set.add(r.personId);
    result.set(row, set);
  }
  return result;
}

export interface PhotoContext {
  /** People named (confirmed or suggested) in each photo by faces outside the batch. */
  peopleInPhoto: Map<string, Set<number>>;
  /** Groups holding a face of each photo, from faces outside the batch. */
  groupsInPhoto: Map<string, Set<number>>;
}

/** Who and which groups are already in the photos of the pending faces (read photo by photo). */
export function loadPhotoContext(sqlite: Sqlite, faces: PendingFace[]): PhotoContext {
  const pending = new Set(faces.map((f) => f.id));
  const photos = [...new Set(faces.map((f) => f.photoHash))];
  const peopleInPhoto = new Map<string, Set<number>>();
  const groupsInPhoto = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, photo: string, value: number) => {
    const set = map.get(photo) ?? new Set<number>();
    set.add(value);
    map.set(photo, set);
  };
  const CHUNK = 500;
  for (let i = 0; i < photos.length; i += CHUNK) {
    const chunk = photos.slice(i, i + CHUNK);
    const rows = sqlite
      .prepare(
        `SELECT id, photo_hash AS photoHash, person_id AS personId, cluster_id AS clusterId, state FROM faces
         WHERE photo_hash IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as {
      id: number;
      photoHash: string;
      personId: number | null;
      clusterId: number | null;
      state: string;
    }[];
    for (const r of rows) {
      if (pending.has(r.id)) continue;
      if (r.personId !== null && r.state !== 'unassigned') add(peopleInPhoto, r.photoHash, r.personId);
      if (r.clusterId !== null) add(groupsInPhoto, r.photoHash, r.clusterId);
    }
  }
  return { peopleInPhoto, groupsInPhoto };
}

/** Unnamed groups with their stored centroid and size; `photos` holds only the batch's photos they occupy. */
export function loadGroups(sqlite: Sqlite, context: PhotoContext): ExistingGroup[] {
  const photosOf = new Map<number, Set<string>>();
  for (const [photo, groups] of context.groupsInPhoto) {
    for (const g of groups) photosOf.set(g, (photosOf.get(g) ?? new Set()).add(photo));
  }
  const rows = sqlite
    .prepare('SELECT id, centroid, size FROM clusters WHERE size > 0 AND centroid IS NOT NULL')
    .all() as { id: number; centroid: Buffer; size: number }[];
  return rows.map((r) => ({
    key: r.id,
    centroid: blobToVector(r.centroid),
    size: r.size,
    photos: photosOf.get(r.id) ?? new Set<string>(),
  }));
}
