/**
 * Keeps group ids stable between runs: each new group takes the previous id it shares the most
 * faces with (largest overlaps first, each previous id used once); groups with no overlap get null
 * (a new id). `previous[i]` and `next[i]` are face i's old id (−1 for none) and new group key (−1 for none).
 */
export function matchGroupIds(
  previous: ArrayLike<number>,
  next: ArrayLike<number>,
): Map<number, number | null> {
  const overlap = new Map<string, { prev: number; key: number; count: number }>();
  const keys = new Set<number>();
  for (let i = 0; i < next.length; i++) {
    const key = next[i] as number;
    if (key < 0) continue;
    keys.add(key);
    const prev = previous[i] as number;
    if (prev < 0) continue;
    const id = `${prev}:${key}`;
    const entry = overlap.get(id);
    if (entry) entry.count++;
    else overlap.set(id, { prev, key, count: 1 });
  }
  const pairs = [...overlap.values()].sort((a, b) => b.count - a.count || a.prev - b.prev || a.key - b.key);
  const result = new Map<number, number | null>();
  const usedPrev = new Set<number>();
  for (const { prev, key } of pairs) {
    if (result.has(key) || usedPrev.has(prev)) continue;
    result.set(key, prev);
    usedPrev.add(prev);
  }
  for (const key of [...keys].sort((a, b) => a - b)) if (!result.has(key)) result.set(key, null);
  return result;
}
