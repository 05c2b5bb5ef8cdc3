import { DEFAULTS, type RecognitionOptions } from './defaults.js';
import { addMember, type ExistingGroup } from './grouping.js';
import { type Anchors, jointCluster } from './joint.js';
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

/** Faces one prototype stands for in the linkage (its weight). */
const PROTOTYPE_WEIGHT = 4;

/**
 * Names what it can (precision first) and groups the rest. New faces are clustered together with
 * the anchors near them (people's prototypes, earlier groups) by constrained average linkage: a face
 * is suggested person P when its cluster holds P's prototypes and it is within `threshold` (margin
 * to the next person), or, in a cluster of no person, when it is within `strictThreshold`.
 */
export function recognizeFaces(
  input: RecognitionInput,
  options: RecognitionOptions = DEFAULTS,
): RecognitionResult {
  const w = input.weights;
  const faces = w ? applyWeights(input.faces, w) : input.faces;
  const people = w
    ? { vectors: applyWeights(input.people.vectors, w), owners: input.people.owners }
    : input.people;
  const { threshold, margin, strictThreshold } = options.naming;
  const loose = nameFaces(faces, people, input, { threshold, margin });
  const strict = nameFaces(faces, people, input, { threshold: strictThreshold, margin });
  const groups = new Map<number, ExistingGroup>();
  for (const g of input.groups) {
    groups.set(g.key, {
      ...g,
      centroid: w ? weighted(g.centroid, w) : Float32Array.from(g.centroid),
      photos: new Set(g.photos),
    });
  }
  const anchors = anchorsOf(people, [...groups.values()], faces.dim);
  const blocked = (f: number, a: number) => {
    const photo = input.photoOf[f] as string;
    const p = anchors.person[a] as number;
    if (p >= 0) return Boolean(input.rejected?.get(f)?.has(p) || input.peopleInPhoto?.get(photo)?.has(p));
    // Faces only re-checked for a name (already grouped) are compared with people alone.
    if (!(input.groupable?.[f] ?? true)) return true;
    return Boolean(groups.get(anchors.group[a] as number)?.photos.has(photo));
  };
  const joint = jointCluster(faces, input.photoOf, anchors, blocked, {
    cut: options.grouping.linkThreshold,
    spread: options.grouping.spread,
    batchSize: options.grouping.batchSize ?? 1500,
  });
  const person = new Int32Array(faces.rows).fill(-1);
  const group = new Int32Array(faces.rows).fill(-1);
  let nextKey = input.firstNewGroupKey;
  const freshKey = new Map<number, number>();
  for (let f = 0; f < faces.rows; f++) {
    const inPerson = joint.person[f] as number;
    if (inPerson >= 0 && loose.person[f] === inPerson) person[f] = inPerson;
    else if (inPerson < 0 && (strict.person[f] as number) >= 0) person[f] = strict.person[f] as number;
  }
  dedupeSamePhoto(person, loose.distance, input.photoOf);
  for (let f = 0; f < faces.rows; f++) {
    if ((person[f] as number) >= 0 || !(input.groupable?.[f] ?? true)) continue;
    if ((joint.group[f] as number) >= 0) group[f] = joint.group[f] as number;
    else if ((joint.fresh[f] as number) >= 0) {
      const l = joint.fresh[f] as number;
      if (!freshKey.has(l)) freshKey.set(l, nextKey++);
      group[f] = freshKey.get(l) as number;
    } else group[f] = nextKey++; // near a person but not theirs: a group of its own
  }
  for (let f = 0; f < faces.rows; f++) {
    const key = group[f] as number;
    if (key < 0) continue;
    let g = groups.get(key);
    if (!g) {
      g = { key, centroid: new Float32Array(faces.dim), size: 0, photos: new Set() };
      groups.set(key, g);
    }
    addMember(g, faces, f, input.photoOf[f] as string);
  }
  if (w) for (const g of groups.values()) g.centroid = unweighted(g.centroid, w);
  return { person, distance: loose.distance, group, groups };
}

function anchorsOf(people: OwnedVectors, groups: ExistingGroup[], dim: number): Anchors {
  const live = groups.filter((g) => g.size > 0);
  const rows = people.vectors.rows + live.length;
  const data = new Float32Array(rows * dim);
  data.set(people.vectors.data.subarray(0, people.vectors.rows * dim));
  live.forEach((g, i) => {
    data.set(g.centroid, (people.vectors.rows + i) * dim);
  });
  return {
    vectors: { data, rows, dim },
    person: Int32Array.from({ length: rows }, (_, i) =>
      i < people.vectors.rows ? (people.owners[i] as number) : -1,
    ),
    group: Int32Array.from({ length: rows }, (_, i) =>
      i < people.vectors.rows ? -1 : (live[i - people.vectors.rows]?.key ?? -1),
    ),
    weight: Float64Array.from({ length: rows }, (_, i) =>
      i < people.vectors.rows ? PROTOTYPE_WEIGHT : (live[i - people.vectors.rows]?.size ?? 1),
    ),
  };
}

/** Two faces of one photo never keep the same person: the nearer one does. */
function dedupeSamePhoto(person: Int32Array, distance: Float32Array, photoOf: ArrayLike<string>) {
  const order = Array.from(person.keys()).filter((f) => (person[f] as number) >= 0);
  order.sort((a, b) => (distance[a] as number) - (distance[b] as number));
  const taken = new Set<string>();
  for (const f of order) {
    const key = `${photoOf[f]}\u0000${person[f]}`;
    if (taken.has(key)) person[f] = -1;
    else taken.add(key);
  }
}

function weighted(v: Float32Array, w: Float32Array): Float32Array {
  return Float32Array.from(v, (x, k) => x * Math.sqrt(w[k] as number));
}

function unweighted(v: Float32Array, w: Float32Array): Float32Array {
  return Float32Array.from(v, (x, k) => x / Math.sqrt(w[k] as number));
}
