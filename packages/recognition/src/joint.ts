import { averageLinkage } from './linkage.js';
import { distances, type Matrix, selectRows } from './matrix.js';
import { nearestOwners } from './nearest.js';

/**
 * Anchors are what earlier runs know: person prototypes (owner ≥ 0 = person id) and unnamed
 * groups (group key). Each stands for `weight` faces spread around it.
 */
export interface Anchors {
  vectors: Matrix;
  /** Person id, or −1 for a group anchor. */
  person: Int32Array;
  /** Group key for group anchors, −1 for person anchors. */
  group: Int32Array;
  weight: Float64Array;
}

export interface JointOptions {
  /** Average-linkage cut between groups of faces. */
  cut: number;
  /** RMS distance of a face to the centre it belongs to; adds the anchor's spread to face–anchor distances. */
  spread: number;
  /** Faces clustered at once. */
  batchSize: number;
}

export interface JointResult {
  /** Person whose anchor ended in the face's cluster, or −1. */
  person: Int32Array;
  /** Group key of the group anchor in the face's cluster, or −1. */
  group: Int32Array;
  /** Cluster label within its batch for faces whose cluster has no anchor, else −1 (batch-unique, global). */
  fresh: Int32Array;
}

const NEAR = 4;

/**
 * Clusters new faces together with the anchors near them by average linkage with cannot-link
 * constraints, so a face takes a person only when its whole group sits with that person; a
 * look-alike's faces form their own group instead. `blockedPeople(face)` lists forbidden people
 * (the photo already has them, or the face was rejected for them). Faces are processed in batches ordered by nearest anchor.
 */
export function jointCluster(
  faces: Matrix,
  photoOf: ArrayLike<string>,
  anchors: Anchors,
  /** Persons each face may not join (same photo already has them, or rejected), or null. */
  blockedPeople: (face: number) => ReadonlySet<number> | null,
  options: JointOptions,
): JointResult {
  const n = faces.rows;
  const person = new Int32Array(n).fill(-1);
  const group = new Int32Array(n).fill(-1);
  const fresh = new Int32Array(n).fill(-1);
  const ids = Int32Array.from({ length: anchors.vectors.rows }, (_, i) => i);
  const near = nearestOwners(faces, { vectors: anchors.vectors, owners: ids }, { k: NEAR });
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (near.owners[a * NEAR] as number) - (near.owners[b * NEAR] as number) || a - b,
  );
  let label = 0;
  for (let start = 0; start < n; start += options.batchSize) {
    const batch = order.slice(start, start + options.batchSize);
    const used = [
      ...new Set(
        batch.flatMap((f) =>
          Array.from(near.owners.subarray(f * NEAR, (f + 1) * NEAR)).filter((a) => a >= 0),
        ),
      ),
    ];
    const A = used.length;
    const m = A + batch.length;
    const items = selectRows(faces, batch);
    const av = selectRows(anchors.vectors, used);
    const D = new Float32Array(m * m);
    const s2 = options.spread * options.spread;
    const blockedOf = batch.map((f) => blockedPeople(f));
    const aa = distances(av, av);
    const af = distances(av, items);
    const ff = distances(items, items);
    for (let i = 0; i < A; i++) {
      for (let j = 0; j < A; j++) {
        const ai = used[i] as number;
        const aj = used[j] as number;
        const same = anchors.person[ai] === anchors.person[aj] && anchors.group[ai] === anchors.group[aj];
        D[i * m + j] = same ? Math.sqrt((aa[i * A + j] as number) ** 2 + 2 * s2) : Infinity;
      }
      for (let q = 0; q < batch.length; q++) {
        const d =
          blockedOf[q]?.has(anchors.person[used[i] as number] as number) === true
            ? Infinity
            : Math.sqrt((af[i * batch.length + q] as number) ** 2 + s2);
        D[i * m + A + q] = d;
        D[(A + q) * m + i] = d;
      }
    }
    for (let p = 0; p < batch.length; p++) {
      for (let q = 0; q < batch.length; q++) {
        const same = p !== q && photoOf[batch[p] as number] === photoOf[batch[q] as number];
        D[(A + p) * m + A + q] = same ? Infinity : (ff[p * batch.length + q] as number);
      }
    }
    const labels = averageLinkage(
      {
        distances: D,
        m,
        sizes: Float64Array.from({ length: m }, (_, i) =>
          i < A ? (anchors.weight[used[i] as number] as number) : 1,
        ),
      },
      options.cut,
    );
    const anchorOf = new Map<number, number>();
    for (let i = 0; i < A; i++) {
      const l = labels[i] as number;
      const prev = anchorOf.get(l);
      if (
        prev === undefined ||
        (anchors.weight[used[i] as number] as number) > (anchors.weight[prev] as number)
      )
        anchorOf.set(l, used[i] as number);
    }
    const freshOf = new Map<number, number>();
    batch.forEach((f, q) => {
      const l = labels[A + q] as number;
      const a = anchorOf.get(l);
      if (a !== undefined) {
        person[f] = anchors.person[a] as number;
        group[f] = anchors.group[a] as number;
      } else {
        if (!freshOf.has(l)) freshOf.set(l, label++);
        fresh[f] = freshOf.get(l) as number;
      }
    });
  }
  return { person, group, fresh };
}
