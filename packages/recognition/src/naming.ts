import type { Matrix } from './matrix.js';
import { nearestOwners, type OwnedVectors } from './nearest.js';

export interface NamingOptions {
  /** Largest distance to a person's nearest prototype for a suggestion. */
  threshold: number;
  /** The second-best person must be at least this much farther than the best. */
  margin: number;
}

export interface NamingContext {
  /** Photo of each query face (faces of one photo are never the same person). */
  photoOf: ArrayLike<string>;
  /** People already in each photo (confirmed or suggested faces outside this batch). */
  peopleInPhoto?: ReadonlyMap<string, ReadonlySet<number>>;
  /** People each query face was rejected for ("not this person"), by query index. */
  rejected?: ReadonlyMap<number, ReadonlySet<number>>;
}

export interface Naming {
  /** Suggested person per query, or −1. */
  person: Int32Array;
  /** Distance to the nearest allowed person (Infinity when none). */
  distance: Float32Array;
}

const CANDIDATES = 4;

/**
 * Names query faces by their people's prototypes: a face is suggested person P only when P is its
 * nearest allowed person, within `threshold`, and every other person is ≥ `margin` farther.
 * Rejected people are removed from a face's candidates; when two faces of one photo choose the
 * same person, or the photo already has that person, only the nearest face keeps the name.
 */
export function nameFaces(
  queries: Matrix,
  people: OwnedVectors,
  context: NamingContext,
  options: NamingOptions,
): Naming {
  const n = queries.rows;
  const person = new Int32Array(n).fill(-1);
  const distance = new Float32Array(n).fill(Infinity);
  if (people.vectors.rows === 0) return { person, distance };
  const top = nearestOwners(queries, people, { k: CANDIDATES });
  const proposals: number[] = [];
  for (let q = 0; q < n; q++) {
    const rejected = context.rejected?.get(q);
    let best = -1;
    let d1 = Infinity;
    let d2 = Infinity;
    for (let r = 0; r < CANDIDATES; r++) {
      const owner = top.owners[q * CANDIDATES + r] as number;
      if (owner < 0 || rejected?.has(owner)) continue;
      const d = top.dists[q * CANDIDATES + r] as number;
      if (best < 0) {
        best = owner;
        d1 = d;
      } else {
        d2 = d;
        break;
      }
    }
    distance[q] = d1;
    if (best >= 0 && d1 <= options.threshold && d2 - d1 >= options.margin) {
      person[q] = best;
      proposals.push(q);
    }
  }
  resolveSamePhoto(proposals, person, distance, context);
  return { person, distance };
}

/** Keeps, per (photo, person), only the nearest face, and none where the photo already has the person. */
function resolveSamePhoto(
  proposals: number[],
  person: Int32Array,
  distance: Float32Array,
  context: NamingContext,
) {
  proposals.sort((a, b) => (distance[a] as number) - (distance[b] as number));
  const taken = new Set<string>();
  for (const q of proposals) {
    const photo = context.photoOf[q] as string;
    const p = person[q] as number;
    const key = `${photo}\u0000${p}`;
    if (taken.has(key) || context.peopleInPhoto?.get(photo)?.has(p)) {
      person[q] = -1;
      continue;
    }
    taken.add(key);
  }
}
