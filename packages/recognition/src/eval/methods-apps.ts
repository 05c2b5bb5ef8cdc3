import { distances, meanOfRows, selectRows } from '../matrix.js';
import { allDistances, cosineDistances, dbscan } from './baselines.js';
import { fill, type Method, type Params, range, split } from './methods.js';

/**
 * Immich's published rule (server `handleRecognizeFaces`, defaults maxDistance 0.5 cosine, minFaces 3):
 * a face's up-to-minFaces nearest faces within maxDistance; fewer than minFaces → deferred to a second
 * pass; it takes the person of the nearest match that has one (else the nearest face with a person
 * within maxDistance); a core face with no person starts a new person (an unnamed group).
 */
export const immich: Method = {
  name: "Immich's clustering rule",
  defaults: { maxDistance: 0.5, minFaces: 3 },
  axes: { maxDistance: range(0.05, 0.5, 0.025), minFaces: [1, 2, 3, 4, 5] },
  run(set, p) {
    const n = set.identity.length;
    const D = cosineDistances(set.descriptors);
    const maxD = p.maxDistance as number;
    const minFaces = p.minFaces as number;
    const { pending } = split(set);
    // Person of every face: named people for confirmed faces, `#k` for groups Immich creates.
    const owner = fill<string | null>(n, null);
    set.confirmed.forEach((c, i) => {
      if (c) owner[i] = set.identity[i] as string;
    });
    const order = neighbourOrder(set, D);
    const byDistance = (i: number) => {
      const near: number[] = [];
      for (const j of order[i] as Int32Array) {
        if ((D[i * n + j] as number) > maxD) break;
        near.push(j);
      }
      return near;
    };
    let groups = 0;
    const visit = (f: number, deferred: boolean): boolean => {
      const near = byDistance(f);
      const matches = near.slice(0, minFaces);
      const isCore = matches.length >= minFaces;
      if (!isCore && !deferred) return false;
      let who = matches.map((j) => owner[j]).find((o) => o !== null) ?? null;
      if (who === null) who = near.map((j) => owner[j]).find((o) => o !== null) ?? null;
      if (who === null && isCore) who = `#${groups++}`;
      owner[f] = who;
      return true;
    };
    const later = pending.filter((f) => !visit(f, false));
    for (const f of later) visit(f, true);
    return toPrediction(n, pending, owner);
  },
};

/**
 * PhotoPrism's published rule (defaults: cluster dist 0.64, core 4, match dist 0.46): a face matches a
 * known person when within that person's radius + match dist of their centroid (nearest wins);
 * the remaining faces are clustered by DBSCAN (eps = cluster dist, minPts = core); noise stays alone.
 */
export const photoprism: Method = {
  name: "PhotoPrism's clustering rule",
  defaults: { clusterDist: 0.64, core: 4, matchDist: 0.46 },
  axes: { clusterDist: range(0.35, 0.7, 0.05), core: [2, 3, 4], matchDist: range(0, 0.5, 0.1) },
  run(set, p) {
    const n = set.identity.length;
    const { pending, people } = split(set);
    const names = [...people.keys()];
    const centroids = names.map((name) => meanOfRows(set.descriptors, people.get(name) as number[]));
    const radius = names.map((name, k) => {
      const members = people.get(name) as number[];
      const c = { data: centroids[k] as Float32Array, rows: 1, dim: set.descriptors.dim };
      const d = distances(selectRows(set.descriptors, members), c);
      return Math.min(0.42, Math.max(...d));
    });
    const owner = fill<string | null>(n, null);
    const cent = {
      data: new Float32Array(names.length * set.descriptors.dim),
      rows: names.length,
      dim: set.descriptors.dim,
    };
    centroids.forEach((c, k) => {
      cent.data.set(c, k * set.descriptors.dim);
    });
    const toPeople = distances(set.descriptors, cent);
    const unmatched: number[] = [];
    for (const f of pending) {
      let best = -1;
      let bestD = Infinity;
      for (let k = 0; k < names.length; k++) {
        const d = toPeople[f * names.length + k] as number;
        if (d <= (radius[k] as number) + (p.matchDist as number) && d < bestD) {
          bestD = d;
          best = k;
        }
      }
      if (best >= 0) owner[f] = names[best] as string;
      else unmatched.push(f);
    }
    const D = allDistances(set.descriptors);
    const clusters = dbscan(D, n, unmatched, p.clusterDist as number, p.core as number);
    for (const [f, c] of clusters) owner[f] = `#${c}`;
    return toPrediction(n, pending, owner);
  },
};

const orderMemo = new WeakMap<object, Int32Array[]>();

/** Every face's other faces, nearest first (computed once per set). */
function neighbourOrder(set: { descriptors: object; identity: string[] }, D: Float32Array): Int32Array[] {
  const cached = orderMemo.get(set.descriptors);
  if (cached) return cached;
  const n = set.identity.length;
  const order = Array.from({ length: n }, (_, i) =>
    Int32Array.from({ length: n }, (_, j) => j).sort(
      (a, b) => (D[i * n + a] as number) - (D[i * n + b] as number),
    ),
  );
  orderMemo.set(set.descriptors, order);
  return order;
}

/** Splits owners into names (known people) and unnamed groups (`#k`). */
function toPrediction(n: number, pending: number[], owner: (string | null)[]) {
  const person = fill<string | null>(n, null);
  const group = fill<number | null>(n, null);
  for (const f of pending) {
    const o = owner[f];
    if (o === null || o === undefined) continue;
    if (o.startsWith('#')) group[f] = Number(o.slice(1));
    else person[f] = o;
  }
  return { person, group };
}

export type { Params };
