import { type Matrix, meanOfRows, toMatrix } from '../matrix.js';
import { nearestOwnersExact } from '../nearest.js';
import { indicesByOwner } from '../prototypes.js';

export interface BatchOptions {
  /** People per batch (P). */
  people: number;
  /** Faces per person (K); sampled with replacement when a person has fewer. */
  faces: number;
}

/**
 * P × K batches that mix people (never one person's faces in a row: ordered data taught the
 * seed system to map every face to the last person). Each batch starts from a random person and
 * adds the people whose centroids are nearest to it, so negatives come from often-confused people.
 */
export function createBatchSampler(
  descriptors: Matrix,
  person: ArrayLike<number>,
  random: () => number,
  options: BatchOptions,
): () => Int32Array {
  const byPerson = [...indicesByOwner(person).values()].filter((idx) => idx.length >= 2);
  if (byPerson.length < 2)
    throw new RangeError('learning needs at least two people with two confirmed faces');
  const centroids = toMatrix(byPerson.map((idx) => meanOfRows(descriptors, idx)));
  const ids = Int32Array.from(byPerson, (_, i) => i);
  const neighbours = nearestOwnersExact(
    centroids,
    { vectors: centroids, owners: ids },
    Math.min(options.people, byPerson.length),
  );
  const pick = (n: number) => Math.floor(random() * n);
  return () => {
    const seed = pick(byPerson.length);
    const chosen = new Set<number>([seed]);
    const k = neighbours.k;
    // Confusable neighbours first, in random order; random people fill the rest.
    const near = Array.from(neighbours.owners.subarray(seed * k, (seed + 1) * k)).filter((p) => p >= 0);
    for (const p of near.sort(() => random() - 0.5)) if (chosen.size < options.people) chosen.add(p);
    while (chosen.size < Math.min(options.people, byPerson.length)) chosen.add(pick(byPerson.length));
    const batch: number[] = [];
    for (const p of chosen) {
      const idx = byPerson[p] as number[];
      const shuffled = [...idx].sort(() => random() - 0.5);
      for (let f = 0; f < options.faces; f++) batch.push(shuffled[f % shuffled.length] as number);
    }
    // Shuffle the whole batch so no person's faces come in a row.
    for (let i = batch.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [batch[i], batch[j]] = [batch[j] as number, batch[i] as number];
    }
    return Int32Array.from(batch);
  };
}

/**
 * Semi-hard triplets (FaceNet): for every anchor–positive pair of a batch, the nearest negative
 * that is farther than the positive but within `margin` of it; when none is, the farthest negative
 * nearer than the positive (the mildest hard one); pairs whose negatives are all beyond the margin
 * add no loss and are skipped. `d2` is the batch's squared distance matrix.
 */
export function semiHardTriplets(
  d2: Float32Array,
  label: ArrayLike<number>,
  margin: number,
): { a: Int32Array; p: Int32Array; n: Int32Array } {
  const m = label.length;
  const a: number[] = [];
  const p: number[] = [];
  const n: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j || label[i] !== label[j]) continue;
      const dap = d2[i * m + j] as number;
      let semi = -1;
      let semiD = Infinity;
      let hard = -1;
      let hardD = -Infinity;
      for (let k = 0; k < m; k++) {
        if (label[k] === label[i]) continue;
        const dan = d2[i * m + k] as number;
        if (dan > dap && dan < dap + margin && dan < semiD) {
          semi = k;
          semiD = dan;
        } else if (dan <= dap && dan > hardD) {
          hard = k;
          hardD = dan;
        }
      }
      const neg = semi >= 0 ? semi : hard;
      if (neg < 0) continue;
      a.push(i);
      p.push(j);
      n.push(neg);
    }
  }
  return { a: Int32Array.from(a), p: Int32Array.from(p), n: Int32Array.from(n) };
}
