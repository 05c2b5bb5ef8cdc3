import { averageLinkage } from './linkage.js';
import { distances, type Matrix, selectRows } from './matrix.js';
import { mergeCloseGroups } from './merge-groups.js';
import { nearestOwners } from './nearest.js';
import { bisect } from './partition.js';

export interface GroupingOptions {
  /** Average-linkage cut: groups closer than this merge. */
  linkThreshold: number;
  /** A new face joins an existing group when within this distance of its centroid. */
  joinThreshold: number;
  /** Largest batch clustered at once when the pool is large (memory is batch² × 4 bytes). */
  batchSize?: number;
  /** Centroid distance under which the groups of a split pool are merged (default 0.3). */
  mergeThreshold?: number;
  /** Faces left after joining existing groups are clustered at once up to this many (default 3000). */
  poolSize?: number;
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
/** Unknown faces clustered at once when no more are left (3,000² distances: 36 MB). */
const POOL = 3000;
/** A leaf is offered to the groups made by the WINDOW − 1 leaves before it. */
const WINDOW = 3;
/** Groups of a split pool closer than this (centroids) are merged afterwards. */
const MERGE = 0.3;

/**
 * Groups faces incrementally: each face joins the nearest existing group it may join (within
 * `joinThreshold`, no face of its photo already there; one search over the existing groups); the
 * rest are clustered by average linkage with cannot-link constraints, all at once up to `poolSize`
 * faces, beyond that in leaves of a k-means tree (see `bisect`).
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
  const all = Array.from({ length: faces.rows }, (_, i) => i);
  const rest = joinExisting(faces, all, photoOf, [...groups.values()], group, options.joinThreshold);
  // A small pool is clustered at once; a large one in leaves of similar faces, each leaf first
  // offered to the groups the previous leaves made (its neighbours in the tree).
  const leaves = rest.length <= (options.poolSize ?? POOL) ? [rest] : bisect(faces, rest, batch);
  let recent: ExistingGroup[][] = [];
  const allMade: ExistingGroup[] = [];
  for (const idx of leaves) {
    const left = joinExisting(faces, idx, photoOf, recent.flat(), group, options.joinThreshold);
    const made: ExistingGroup[] = [];
    recent = [...recent.slice(1 - WINDOW), made];
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
        const g = { key, centroid: new Float32Array(faces.dim), size: 0, photos: new Set<string>() };
        groups.set(key, g);
        made.push(g);
        allMade.push(g);
      }
      group[f] = key;
      addMember(groups.get(key) as ExistingGroup, faces, f, photoOf[f] as string);
    });
  }
  if (leaves.length > 1) {
    const into = mergeCloseGroups(allMade, options.mergeThreshold ?? MERGE);
    for (let f = 0; f < faces.rows; f++) {
      const to = into.get(group[f] as number);
      if (to !== undefined) group[f] = to;
    }
    for (const key of into.keys()) groups.delete(key);
  }
  return { group, groups };
}

function joinExisting(
  faces: Matrix,
  idx: number[],
  photoOf: ArrayLike<string>,
  candidates: ExistingGroup[],
  group: Int32Array,
  joinThreshold: number,
): number[] {
  const list = candidates.filter((g) => g.size > 0);
  const byKey = new Map(list.map((g) => [g.key, g]));
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
      const g = byKey.get(key) as ExistingGroup;
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
