import { kMeans } from './kmeans.js';
import { type Matrix, meanOfRows, selectRows } from './matrix.js';
import type { OwnedVectors } from './nearest.js';

export interface PrototypeOptions {
  /** Most prototypes (small centroids) per person. */
  maxPerPerson: number;
  /** One more prototype per this many confirmed faces, up to `maxPerPerson`. */
  facesPerPrototype: number;
}

/** Groups row indices by owner id, in first-seen order. */
export function indicesByOwner(owners: ArrayLike<number>): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < owners.length; i++) {
    const o = owners[i] as number;
    const list = groups.get(o);
    if (list) list.push(i);
    else groups.set(o, [i]);
  }
  return groups;
}

/**
 * Several prototypes per person from their confirmed faces (k-means inside each person), so a
 * person who looks different over the years keeps one centroid per look.
 */
export function buildPrototypes(
  confirmed: Matrix,
  personOf: ArrayLike<number>,
  options: PrototypeOptions,
): OwnedVectors {
  const parts: Float32Array[] = [];
  const owners: number[] = [];
  for (const [person, idx] of indicesByOwner(personOf)) {
    const k = Math.min(options.maxPerPerson, Math.max(1, Math.ceil(idx.length / options.facesPerPrototype)));
    const centroids =
      k === 1
        ? { data: meanOfRows(confirmed, idx), rows: 1, dim: confirmed.dim }
        : kMeans(selectRows(confirmed, idx), k).centroids;
    parts.push(centroids.data);
    for (let c = 0; c < centroids.rows; c++) owners.push(person);
  }
  const data = new Float32Array(owners.length * confirmed.dim);
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.length;
  }
  return { vectors: { data, rows: owners.length, dim: confirmed.dim }, owners: Int32Array.from(owners) };
}
