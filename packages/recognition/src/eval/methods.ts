import { DEFAULTS } from '../defaults.js';
import { type Matrix, selectRows } from '../matrix.js';
import { applyWeights, varianceWeights } from '../metric.js';
import type { Projection } from '../projection.js';
import { buildPrototypes } from '../prototypes.js';
import { recognizeFaces } from '../recognize.js';
import { leaderGroups, nearestCentroidNames, nearestFaceNames } from './baselines.js';
import type { EvalSet } from './eval-set.js';

/** A method's answer for every face of a set (confirmed faces are ignored when scoring). */
export interface Prediction {
  person: (string | null)[];
  group: (number | null)[];
}

export type Params = Record<string, number>;

export interface Method {
  name: string;
  /** Published defaults (or, for ours, the shipped defaults). */
  defaults: Params;
  /** Values tried per parameter when tuning; `stages` tunes groups of them in turn (default: all at once). */
  axes: Record<string, number[]>;
  stages?: string[][];
  run(set: EvalSet, p: Params): Prediction;
}

export const range = (from: number, to: number, step: number) =>
  Array.from(
    { length: Math.round((to - from) / step) + 1 },
    (_, i) => Math.round((from + i * step) * 1000) / 1000,
  );
export const product = (axes: Record<string, number[]>): Params[] =>
  Object.entries(axes).reduce<Params[]>(
    (acc, [k, values]) => acc.flatMap((p) => values.map((v) => ({ ...p, [k]: v }))),
    [{}],
  );

export function split(set: EvalSet) {
  const confirmed: number[] = [];
  const pending: number[] = [];
  set.confirmed.forEach((c, i) => {
    (c ? confirmed : pending).push(i);
  });
  const people = new Map<string, number[]>();
  for (const i of confirmed)
    people.set(set.identity[i] as string, [...(people.get(set.identity[i] as string) ?? []), i]);
  return { confirmed, pending, people };
}

export function fill<T>(n: number, value: T): T[] {
  return Array.from({ length: n }, () => value);
}

/** Ours: several prototypes per person, threshold + margin, average linkage with cannot-link. */
export const ours: Method = {
  name: 'ours (prototypes + margin + constrained average linkage)',
  defaults: {
    threshold: DEFAULTS.naming.threshold,
    margin: DEFAULTS.naming.margin,
    strict: DEFAULTS.naming.strictThreshold,
    link: DEFAULTS.grouping.linkThreshold,
  },
  axes: {
    threshold: range(0.44, 0.56, 0.03),
    margin: [0, 0.04, 0.08],
    strict: range(0.34, 0.42, 0.02),
    link: range(0.475, 0.575, 0.025),
  },
  stages: [
    ['link', 'strict'],
    ['threshold', 'margin'],
  ],
  run: (set, p) => recognizeSet(set, p),
};

/** Ours on a set with the given parameters, optionally under a learned metric. */
export function recognizeSet(set: EvalSet, p: Params, projection?: Projection): Prediction {
  const { confirmed, pending, people } = split(set);
  const names = [...people.keys()];
  const protos = buildPrototypes(
    selectRows(set.descriptors, confirmed),
    confirmed.map((i) => names.indexOf(set.identity[i] as string)),
    DEFAULTS.prototypes,
  );
  const peopleInPhoto = new Map<string, Set<number>>();
  for (const i of confirmed) {
    const photo = set.photo[i] as string;
    peopleInPhoto.set(
      photo,
      (peopleInPhoto.get(photo) ?? new Set()).add(names.indexOf(set.identity[i] as string)),
    );
  }
  const r = recognizeFaces(
    {
      people: protos,
      groups: [],
      faces: selectRows(set.descriptors, pending),
      photoOf: pending.map((i) => set.photo[i] as string),
      peopleInPhoto,
      firstNewGroupKey: 0,
      ...(projection ? { projection } : {}),
    },
    {
      ...DEFAULTS,
      naming: {
        threshold: p.threshold as number,
        margin: p.margin as number,
        strictThreshold: p.strict as number,
      },
      grouping: {
        ...DEFAULTS.grouping,
        linkThreshold: p.link as number,
        joinThreshold: p.link as number,
        spread: p.spread ?? DEFAULTS.grouping.spread,
      },
    },
  );
  const person = fill<string | null>(set.identity.length, null);
  const group = fill<number | null>(set.identity.length, null);
  pending.forEach((f, q) => {
    const who = r.person[q] as number;
    person[f] = who >= 0 ? (names[who] as string) : null;
    group[f] = (r.group[q] as number) >= 0 ? (r.group[q] as number) : null;
  });
  return { person, group };
}

function centroidMethod(name: string, weighted: boolean): Method {
  return {
    name,
    defaults: { threshold: 0.6 },
    axes: { threshold: range(0.3, 0.8, 0.025) },
    run(set, p) {
      const faces: Matrix = weighted
        ? applyWeights(set.descriptors, varianceWeights(set.descriptors))
        : set.descriptors;
      const { pending, people } = split(set);
      const named = nearestCentroidNames(faces, people, p.threshold as number);
      const person = fill<string | null>(set.identity.length, null);
      for (const f of pending) person[f] = named[f] ?? null;
      const groups = leaderGroups(
        faces,
        pending.filter((f) => person[f] === null),
        p.threshold as number,
      );
      return { person, group: Array.from({ length: set.identity.length }, (_, i) => groups.get(i) ?? null) };
    },
  };
}

/** The original method: one variance-weighted centroid per person, a threshold; centroid chaining for the rest. */
export const original = centroidMethod('original (variance-weighted centroid)', true);
/** Plain Euclidean nearest centroid, same grouping. */
export const euclideanCentroid = centroidMethod('plain Euclidean nearest centroid', false);

/** face_recognition: nearest known face within tolerance 0.6; it has no grouping (every face alone). */
export const faceRecognition: Method = {
  name: 'face_recognition nearest face',
  defaults: { tolerance: 0.6 },
  axes: { tolerance: range(0.3, 0.7, 0.025) },
  run(set, p) {
    const { confirmed, pending } = split(set);
    const named = nearestFaceNames(set.descriptors, confirmed, set.identity, p.tolerance as number);
    const person = fill<string | null>(set.identity.length, null);
    for (const f of pending) person[f] = named[f] ?? null;
    return { person, group: fill<number | null>(set.identity.length, null) };
  },
};
