/**
 * For each query, the k nearest distinct owners (people or clusters) and their distances,
 * kept sorted nearest first. Owner −1 marks an empty slot.
 */
export interface TopOwners {
  k: number;
  owners: Int32Array;
  dists: Float32Array;
}

export function createTopOwners(queries: number, k: number): TopOwners {
  return {
    k,
    owners: new Int32Array(queries * k).fill(-1),
    dists: new Float32Array(queries * k).fill(Infinity),
  };
}

/** Offers (owner, d) to query q: keeps only the owner's best distance, and only the k best owners. */
export function offer(top: TopOwners, q: number, owner: number, d: number): void {
  const { k, owners, dists } = top;
  const base = q * k;
  // At or beyond the k-th best: a new owner cannot enter, a listed one already has a better distance.
  if (d >= (dists[base + k - 1] as number)) return;
  let slot = k - 1;
  for (let s = 0; s < k; s++) {
    if (owners[base + s] === owner) {
      if (d >= (dists[base + s] as number)) return;
      slot = s;
      break;
    }
  }
  // Shift worse entries down from `slot`, then insert in order.
  let i = slot;
  while (i > 0 && (dists[base + i - 1] as number) > d) {
    owners[base + i] = owners[base + i - 1] as number;
    dists[base + i] = dists[base + i - 1] as number;
    i--;
  }
  owners[base + i] = owner;
  dists[base + i] = d;
}

/** Owner and distance at rank r (0 = nearest) for query q. */
export function ownerAt(top: TopOwners, q: number, r: number): { owner: number; distance: number } {
  return { owner: top.owners[q * top.k + r] as number, distance: top.dists[q * top.k + r] as number };
}
