import { DEFAULTS, type RecognitionOptions } from './defaults.js';
import { type ExistingGroup, groupFaces } from './grouping.js';
import type { Matrix } from './matrix.js';
import { applyWeights } from './metric.js';
import { nameFaces } from './naming.js';
import type { OwnedVectors } from './nearest.js';

export interface RecognitionInput {
  /** Prototypes of the known people (owners are person ids). */
  people: OwnedVectors;
  /** Unnamed groups from earlier runs (keys are cluster ids). Empty for a full re-cluster. */
  groups: ExistingGroup[];
  /** Faces to name or group (never confirmed ones). */
  faces: Matrix;
  photoOf: ArrayLike<string>;
  /** People rejected for a face, by row of `faces`. */
  rejected?: ReadonlyMap<number, ReadonlySet<number>>;
  /** People already in a photo through faces outside `faces` (confirmed, or suggested and kept). */
  peopleInPhoto?: ReadonlyMap<string, ReadonlySet<number>>;
  /** Keys for new groups start here (above every existing key). */
  firstNewGroupKey: number;
  /** Faces that may be grouped when they get no name (default all); others just stay as they are. */
  groupable?: ArrayLike<boolean>;
  /** Per-dimension weights (the variance metric); omitted for plain Euclidean. */
  weights?: Float32Array;
}

export interface RecognitionResult {
  /** Suggested person per face, or −1. */
  person: Int32Array;
  /** Distance to the nearest allowed person (ranks suggestions). */
  distance: Float32Array;
  /** Group key per face that got no name, else −1. */
  group: Int32Array;
  groups: Map<number, ExistingGroup>;
}

/** Names what it can (precision first), then groups the rest into unnamed groups. */
export function recognizeFaces(
  input: RecognitionInput,
  options: RecognitionOptions = DEFAULTS,
): RecognitionResult {
  const w = input.weights;
  const faces = w ? applyWeights(input.faces, w) : input.faces;
  const people = w
    ? { vectors: applyWeights(input.people.vectors, w), owners: input.people.owners }
    : input.people;
  const naming = nameFaces(faces, people, input, options.naming);
  const unnamed: number[] = [];
  for (let i = 0; i < faces.rows; i++) {
    if ((naming.person[i] as number) < 0 && (input.groupable?.[i] ?? true)) unnamed.push(i);
  }
  const sub: Matrix = {
    data: new Float32Array(unnamed.length * faces.dim),
    rows: unnamed.length,
    dim: faces.dim,
  };
  unnamed.forEach((f, i) => {
    sub.data.set(faces.data.subarray(f * faces.dim, (f + 1) * faces.dim), i * faces.dim);
  });
  const groupsIn = w ? input.groups.map((g) => ({ ...g, centroid: weighted(g.centroid, w) })) : input.groups;
  const photos = unnamed.map((f) => input.photoOf[f] as string);
  const grouping = groupFaces(sub, photos, groupsIn, input.firstNewGroupKey, options.grouping);
  const group = new Int32Array(faces.rows).fill(-1);
  unnamed.forEach((f, i) => {
    group[f] = grouping.group[i] as number;
  });
  if (w) for (const g of grouping.groups.values()) g.centroid = unweighted(g.centroid, w);
  return { person: naming.person, distance: naming.distance, group, groups: grouping.groups };
}

function weighted(v: Float32Array, w: Float32Array): Float32Array {
  return Float32Array.from(v, (x, k) => x * Math.sqrt(w[k] as number));
}

function unweighted(v: Float32Array, w: Float32Array): Float32Array {
  return Float32Array.from(v, (x, k) => x / Math.sqrt(w[k] as number));
}
