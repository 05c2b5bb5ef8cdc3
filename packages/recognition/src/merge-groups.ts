import type { ExistingGroup } from './grouping.js';
import { nearestOwners } from './nearest.js';

/**
 * Merges groups whose centroids are within `threshold` of each other and whose photos are disjoint
 * (pieces of one person that a split pool put in different leaves), nearest pairs first, each
 * group's nearest neighbour only. Returns the surviving key of every merged key; the survivor's
 * centroid, size and photos are updated in place.
 */
export function mergeCloseGroups(groups: ExistingGroup[], threshold: number): Map<number, number> {
  const into = new Map<number, number>();
  const list = groups.filter((g) => g.size > 0);
  if (list.length < 2) return into;
  const dim = list[0]?.centroid.length ?? 0;
  const data = new Float32Array(list.length * dim);
  list.forEach((g, i) => {
    data.set(g.centroid, i * dim);
  });
  const ids = Int32Array.from(list, (_, i) => i);
  const top = nearestOwners(
    { data, rows: list.length, dim },
    { vectors: { data, rows: list.length, dim }, owners: ids },
    { k: 2, exactLimit: 500 },
  );
  const pairs: { a: number; b: number; d: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let r = 0; r < 2; r++) {
      const j = top.owners[i * 2 + r] as number;
      const d = top.dists[i * 2 + r] as number;
      if (j >= 0 && j !== i && d <= threshold) pairs.push({ a: i, b: j, d });
    }
  }
  pairs.sort((x, y) => x.d - y.d || x.a - y.a);
  const parent = Int32Array.from(ids);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const { a, b } of pairs) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const [big, small] =
      (list[ra] as ExistingGroup).size >= (list[rb] as ExistingGroup).size ? [ra, rb] : [rb, ra];
    const g = list[big] as ExistingGroup;
    const h = list[small] as ExistingGroup;
    if ([...h.photos].some((p) => g.photos.has(p))) continue;
    for (let k = 0; k < dim; k++) {
      g.centroid[k] =
        ((g.centroid[k] as number) * g.size + (h.centroid[k] as number) * h.size) / (g.size + h.size);
    }
    g.size += h.size;
    for (const p of h.photos) (g.photos as Set<string>).add(p);
    h.size = 0;
    parent[small] = big;
  }
  list.forEach((g, i) => {
    const r = root(i);
    if (r !== i) into.set(g.key, (list[r] as ExistingGroup).key);
  });
  return into;
}
