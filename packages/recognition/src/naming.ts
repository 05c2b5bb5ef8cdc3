import type { Matrix } from './matrix.js';
import { nearestOwners, type OwnedVectors } from './nearest.js';
import { createTopOwners, offer, type TopOwners } from './top-owners.js';

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

/** Each face's nearest distinct people (nearest first) and a lower bound on any person not listed. */
export interface PersonCandidates {
  top: TopOwners;
  /** Every person missing from `top` is at least this far (Infinity when `top` is exhaustive). */
  bound: Float32Array;
}

/** Nearest people of each query by their prototypes (one search). */
export function personCandidates(queries: Matrix, people: OwnedVectors): PersonCandidates {
  const top = nearestOwners(queries, people, { k: CANDIDATES });
  return { top, bound: new Float32Array(queries.rows).fill(Infinity) };
}

/**
 * People candidates from a search over single prototypes (`anchors`: owner = prototype index, nearest
 * first): each prototype's person keeps its nearest distance; persons beyond the list are at least as
 * far as its last prototype.
 */
export function candidatesFromAnchors(anchors: TopOwners, personOf: ArrayLike<number>): PersonCandidates {
  const n = anchors.owners.length / anchors.k;
  const top = createTopOwners(n, CANDIDATES);
  const bound = new Float32Array(n).fill(Infinity);
  for (let q = 0; q < n; q++) {
    for (let r = 0; r < anchors.k; r++) {
      const a = anchors.owners[q * anchors.k + r] as number;
      if (a < 0) break;
      const d = anchors.dists[q * anchors.k + r] as number;
      offer(top, q, personOf[a] as number, d);
      if (r === anchors.k - 1) bound[q] = d;
    }
  }
  return { top, bound };
}

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
  if (people.vectors.rows === 0) {
    return {
      person: new Int32Array(queries.rows).fill(-1),
      distance: new Float32Array(queries.rows).fill(Infinity),
    };
  }
  return nameFromCandidates(personCandidates(queries, people), context, options);
}

/** `nameFaces` over candidates found once (see `candidatesFromAnchors`). */
export function nameFromCandidates(
  candidates: PersonCandidates,
  context: NamingContext,
  options: NamingOptions,
): Naming {
  const { top, bound } = candidates;
  const k = top.k;
  const n = top.owners.length / k;
  const person = new Int32Array(n).fill(-1);
  const distance = new Float32Array(n).fill(Infinity);
  const proposals: number[] = [];
  for (let q = 0; q < n; q++) {
    const rejected = context.rejected?.get(q);
    let best = -1;
    let d1 = Infinity;
    let d2 = bound[q] as number;
    for (let r = 0; r < k; r++) {
      const owner = top.owners[q * k + r] as number;
      if (owner < 0 || rejected?.has(owner)) continue;
      const d = top.dists[q * k + r] as number;
      if (best < 0) {
        best = owner;
        d1 = d;
      } else {
        d2 = Math.min(d2, d);
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
