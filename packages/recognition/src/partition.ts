import { kMeans } from './kmeans.js';
import { type Matrix, selectRows } from './matrix.js';

/**
 * Splits rows into leaves of at most `maxLeaf` similar rows by recursive 2-means (a k-means tree),
 * leaves in depth-first order so neighbouring leaves are near each other. O(n log(n / maxLeaf)).
 */
export function bisect(m: Matrix, rows: number[], maxLeaf: number): number[][] {
  if (rows.length <= maxLeaf) return [rows];
  const { assignment } = kMeans(selectRows(m, rows), 2, 4, 'sample');
  const halves: [number[], number[]] = [[], []];
  rows.forEach((r, i) => {
    halves[assignment[i] as 0 | 1].push(r);
  });
  // Identical rows cannot be split by distance: cut in the middle instead.
  if (halves[0].length === 0 || halves[1].length === 0) {
    const mid = rows.length >> 1;
    return [...bisect(m, rows.slice(0, mid), maxLeaf), ...bisect(m, rows.slice(mid), maxLeaf)];
  }
  return [...bisect(m, halves[0], maxLeaf), ...bisect(m, halves[1], maxLeaf)];
}
