import { averageLinkage } from './linkage.js';
import { distances, type Matrix, selectRows } from './matrix.js';
import { nearestOwners } from './nearest.js';

export interface GroupingOptions {
  /** Average-linkage cut: groups closer than this merge. */
  linkThreshold: number;
  /** A new face joins an existing group when within this distance of its centroid. */
  joinThreshold: number;
  /** Largest batch clustered at once (memory is batch² × 4 bytes). */
  batchSize?: number;
}

/** An existing group: its key, centroid, size and the photos its faces are in. */
export interface ExistingGroup {
  key: number;
  centroid: Float32Array;
  size: number;
  photos: ReadonlySet<string>;
}

export interface Grouping {
  /** Group key per face: an existing key, or a new key (≥ `firstNewKey`). */
  group: Int32Array;
  /** Centroid, size and photos of every group after this step (existing and new), by key. */
  groups: Map<number, ExistingGroup>;
}

const JOIN_CANDIDATES = 3;

/**
 * Groups faces incrementally: each face joins the nearest existing group it may join (within
 * `joinThreshold`, no face of its photo already there); the rest are clustered by average linkage
 * with cannot-link constraints in batches, each batch first offered to the groups made so far.
 */
export function groupFaces(
  faces: Matrix,
  photoOf: ArrayLike<string>,
  existing: Iterable<ExistingGroup>,
  firstNewKey: number,
  options: GroupingOptions,
): Grouping {
  const groups = new Map<number, ExistingGroup>();
  for (const g of existing)
    groups.set(g.key, { ...g, centroid: Float32Array.from(g.centroid), photos: new Set(g.photos) });
  const group = new Int32Array(faces.rows).fill(-1);
  const batch = options.batchSize ?? 2000;
  let nextKey = firstNewKey;
  for (let start = 0; start < faces.rows; start += batch) {
    const idx = Array.from({ length: Math.min(batch, faces.rows - start) }, (_, i) => start + i);
    const left = joinExisting(faces, idx, photoOf, groups, group, options.joinThreshold);
    if (left.length === 0) continue;
    const sub = selectRows(faces, left);
    const D = distances(sub, sub);
    for (let i = 0; i < left.length; i++) {
      for (let j = i + 1; j < left.length; j++) {
        if (photoOf[left[i] as number] === photoOf[left[j] as number]) {
          D[i * left.length + j] = Infinity;
          D[j * left.length + i] = Infinity;
        }
      }
    }
    const labels = averageLinkage({ distances: D, m: left.length }, options.linkThreshold);
    const keyOf = new Map<number, number>();
    left.forEach((f, i) => {
      const label = labels[i] as number;
      let key = keyOf.get(label);
      if (key === undefined) {
        key = nextKey++;
        keyOf.set(label, key);
        groups.set(key, { key, centroid: new Float32Array(faces.dim), size: 0, photos: new Set() });
      }
      group[f] = key;
      addMember(groups.get(key) as ExistingGroup, faces, f, photoOf[f] as string);
    });
  }
  return { group, groups };
}

function joinExisting(
  faces: Matrix,
  idx: number[],
  photoOf: ArrayLike<string>,
  groups: Map<number, ExistingGroup>,
  group: Int32Array,
  joinThreshold: number,
): number[] {
  const list = [...groups.values()].filter((g) => g.size > 0);
  if (list.length === 0) return idx;
  const centroids: Matrix = {
    data: new Float32Array(list.length * faces.dim),
    rows: list.length,
    dim: faces.dim,
  };
  list.forEach((g, i) => {
    centroids.data.set(g.centroid, i * faces.dim);
  });
  const owners = Int32Array.from(list, (g) => g.key);
  const top = nearestOwners(
    selectRows(faces, idx),
    { vectors: centroids, owners },
    {
      k: JOIN_CANDIDATES,
      exactLimit: 500,
    },
  );
  // Nearest first, so two faces of one photo competing for a group resolve by distance.
  const order = idx
    .map((_, i) => i)
    .sort((a, b) => (top.dists[a * JOIN_CANDIDATES] as number) - (top.dists[b * JOIN_CANDIDATES] as number));
  const left: number[] = [];
  for (const i of order) {
    const f = idx[i] as number;
    const photo = photoOf[f] as string;
    let joined = false;
    for (let r = 0; r < JOIN_CANDIDATES && !joined; r++) {
      const key = top.owners[i * JOIN_CANDIDATES + r] as number;
      if (key < 0 || (top.dists[i * JOIN_CANDIDATES + r] as number) > joinThreshold) break;
      const g = groups.get(key) as ExistingGroup;
      if (g.photos.has(photo)) continue;
      group[f] = key;
      addMember(g, faces, f, photo);
      joined = true;
    }
    if (!joined) left.push(f);
  }
  return left.sort((a, b) => a - b);
}

/** Adds face f to a group, updating its running-mean centroid and photo set. */
export function addMember(g: ExistingGroup, faces: Matrix, f: number, photo: string) {
  const n = g.size;
  const o = f * faces.dim;
  for (let k = 0; k < faces.dim; k++) {
    g.centroid[k] = ((g.centroid[k] as number) * n + (faces.data[o + k] as number)) / (n + 1);
  }
  g.size = n + 1;
  (g.photos as Set<string>).add(photo);
}
