import { assignNearest, kMeans } from './kmeans.js';
import { distanceBlock, type Matrix, selectRows, squaredNorms } from './matrix.js';
import { createTopOwners, offer, type TopOwners } from './top-owners.js';

/** Reference vectors (prototypes, cluster centroids) and who each belongs to. */
export interface OwnedVectors {
  vectors: Matrix;
  owners: Int32Array;
}

export interface NearestOptions {
  /** Distinct owners kept per query (nearest first). */
  k: number;
  /** Above this many references an inverted-file index is used instead of an exact scan. */
  exactLimit?: number;
  /** Lists probed per query by the index. */
  probes?: number;
  /** Lists of the index (default √(probes·m)). */
  lists?: number;
}

const BLOCK = 128;

/** Exact k nearest distinct owners of every query row (blocked scan). */
export function nearestOwnersExact(
  queries: Matrix,
  refs: OwnedVectors,
  k: number,
  top?: TopOwners,
): TopOwners {
  const result = top ?? createTopOwners(queries.rows, k);
  const m = refs.vectors.rows;
  if (m === 0 || queries.rows === 0) return result;
  const qn = squaredNorms(queries);
  const rn = squaredNorms(refs.vectors);
  const out = new Float32Array(BLOCK * m);
  for (let q = 0; q < queries.rows; q += BLOCK) {
    const end = Math.min(queries.rows, q + BLOCK);
    distanceBlock(queries, qn, q, end, refs.vectors, rn, out);
    for (let i = q; i < end; i++) {
      const r = (i - q) * m;
      const last = i * k + k - 1;
      for (let j = 0; j < m; j++) {
        const d = out[r + j] as number;
        // Nothing at or beyond the k-th best can enter the list (see `offer`).
        if (d < (result.dists[last] as number)) offer(result, i, refs.owners[j] as number, d);
      }
    }
  }
  return result;
}

/**
 * k nearest distinct owners using an inverted-file index when there are many references:
 * references are grouped into √m lists by k-means; each query scans its `probes` nearest lists.
 * Queries that probe the same list are scanned together, so the work stays in blocked kernels.
 */
export function nearestOwners(queries: Matrix, refs: OwnedVectors, options: NearestOptions): TopOwners {
  const { k, exactLimit = 3000, probes = 4 } = options;
  const listCount = options.lists;
  const m = refs.vectors.rows;
  if (m <= exactLimit) return nearestOwnersExact(queries, refs, k);
  // √(probes·m) lists balance the coarse scan (lists) against the probed lists (probes·m/lists).
  const lists = listCount ?? Math.ceil(Math.sqrt(probes * m));
  const coarse = kMeans(refs.vectors, lists, 4, 'sample');
  const members: number[][] = Array.from({ length: coarse.centroids.rows }, () => []);
  coarse.assignment.forEach((c, j) => {
    members[c]?.push(j);
  });
  const probing = probedLists(queries, coarse.centroids, Math.min(probes, coarse.centroids.rows));
  const top = createTopOwners(queries.rows, k);
  for (let c = 0; c < members.length; c++) {
    const refIdx = members[c] as number[];
    const qIdx = probing[c] as number[];
    if (refIdx.length === 0 || qIdx.length === 0) continue;
    const local = createTopOwners(qIdx.length, k);
    const listRefs = {
      vectors: selectRows(refs.vectors, refIdx),
      owners: Int32Array.from(refIdx, (j) => refs.owners[j] as number),
    };
    nearestOwnersExact(selectRows(queries, qIdx), listRefs, k, local);
    qIdx.forEach((q, li) => {
      for (let r = 0; r < k; r++) {
        const owner = local.owners[li * k + r] as number;
        if (owner >= 0) offer(top, q, owner, local.dists[li * k + r] as number);
      }
    });
  }
  return top;
}

/** For each list, the queries that probe it (each query probes its `probes` nearest lists). */
function probedLists(queries: Matrix, centroids: Matrix, probes: number): number[][] {
  const byList: number[][] = Array.from({ length: centroids.rows }, () => []);
  if (probes === 1) {
    assignNearest(queries, centroids).assignment.forEach((c, q) => {
      byList[c]?.push(q);
    });
    return byList;
  }
  const ids = new Int32Array(centroids.rows).map((_, i) => i);
  const top = nearestOwnersExact(queries, { vectors: centroids, owners: ids }, probes);
  for (let q = 0; q < queries.rows; q++) {
    for (let r = 0; r < probes; r++) {
      const c = top.owners[q * probes + r] as number;
      if (c >= 0) byList[c]?.push(q);
    }
  }
  return byList;
}
