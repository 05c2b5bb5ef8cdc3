import { averageLinkage } from './linkage.js';
import { distances, type Matrix, selectRows } from './matrix.js';
import type { TopOwners } from './top-owners.js';

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
  /** Most faces clustered at once (runs of one person's faces are kept whole up to this size). */
  batchSize: number;
  /** Runs of fewer faces are packed into one batch up to this many (default batchSize). */
  packSize?: number;
  /** Faces farther than this from every anchor are not clustered (default: all are). */
  contextRadius?: number;
}

export interface JointResult {
  /** Person whose anchor ended in the face's cluster, or −1. */
  person: Int32Array;
  /** Group key of the group anchor in the face's cluster, or −1. */
  group: Int32Array;
  /** Cluster label within its batch for faces whose cluster has no anchor, else −1 (batch-unique, global). */
  fresh: Int32Array;
}

/** Anchors near a face that join its batch. */
const NEAR = 4;

/**
 * Clusters new faces together with the anchors near them by average linkage with cannot-link
 * constraints, so a face takes a person only when its whole group sits with that person; a
 * look-alike's faces form their own group instead. `blockedPeople(face)` lists forbidden people
 * (the photo already has them, or the face was rejected for them). `near` holds each face's nearest
 * anchors (owner = anchor index, ≥ 4 per face). Faces are batched by the person (or group) of their
 * nearest anchor, whole runs together up to `batchSize`, so the work grows with the faces, not with
 * the batch: a face farther than `contextRadius` from every anchor is left alone (it cannot take a name).
 */
export function jointCluster(
  faces: Matrix,
  photoOf: ArrayLike<string>,
  anchors: Anchors,
  /** Persons each face may not join (same photo already has them, or rejected), or null. */
  blockedPeople: (face: number) => ReadonlySet<number> | null,
  options: JointOptions,
  near: TopOwners,
): JointResult {
  const n = faces.rows;
  const person = new Int32Array(n).fill(-1);
  const group = new Int32Array(n).fill(-1);
  const fresh = new Int32Array(n).fill(-1);
  const k = near.k;
  const nearest = (f: number) => near.owners[f * k] as number;
  const ownerKey = (f: number) => {
    const a = nearest(f);
    return a < 0
      ? -1
      : (anchors.person[a] as number) >= 0
        ? (anchors.person[a] as number)
        : -2 - (anchors.group[a] as number);
  };
  const radius = options.contextRadius ?? Infinity;
  let label = 0;
  const order: number[] = [];
  for (let f = 0; f < n; f++) {
    if (nearest(f) >= 0 && (near.dists[f * k] as number) <= radius) order.push(f);
    else fresh[f] = label++;
  }
  order.sort((a, b) => ownerKey(a) - ownerKey(b) || nearest(a) - nearest(b) || a - b);
  for (const batch of packRuns(order, ownerKey, options.batchSize, options.packSize ?? options.batchSize)) {
    const usedSet = new Set<number>();
    for (const f of batch) {
      for (let r = 0; r < Math.min(NEAR, k); r++) {
        const a = near.owners[f * k + r] as number;
        if (a >= 0 && (near.dists[f * k + r] as number) <= radius) usedSet.add(a);
      }
    }
    const used = [...usedSet];
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

/**
 * Splits `order` into batches of whole runs of equal key: small runs are packed together up to
 * `pack` faces, a run longer than `size` is sliced.
 */
function packRuns(order: number[], key: (f: number) => number, size: number, pack: number): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    const k = key(order[start] as number);
    while (end < order.length && key(order[end] as number) === k) end++;
    for (let s = start; s < end; s += size) {
      const run = order.slice(s, Math.min(end, s + size));
      if (batch.length > 0 && batch.length + run.length > pack) {
        batches.push(batch);
        batch = [];
      }
      batch.push(...run);
    }
    start = end;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
