import { DEFAULTS, type RecognitionOptions } from './defaults.js';
import { type ExistingGroup, groupFaces } from './grouping.js';
import { type Anchors, jointCluster } from './joint.js';
import { type Matrix, selectRows, toMatrix } from './matrix.js';
import { applyWeights } from './metric.js';
import { candidatesFromAnchors, nameFromCandidates } from './naming.js';
import { nearestOwners, type OwnedVectors } from './nearest.js';
import { type Projection, project } from './projection.js';

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
  /** A learned metric (see `kindred learn`): faces, prototypes and groups are compared as x·W. */
  projection?: Projection;
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

/** Nearest prototypes found per face (≥ 2 people when a person has at most 4 prototypes). */
const NEAR_PROTOTYPES = 8;

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
  const metric = metricOf(input);
  const faces = metric(input.faces);
  const people = { vectors: metric(input.people.vectors), owners: input.people.owners };
  const { threshold, margin, strictThreshold } = options.naming;
  // One search for every face's nearest prototypes serves naming, the joint clustering and grouping.
  const protoIds = Int32Array.from({ length: people.vectors.rows }, (_, i) => i);
  const near = nearestOwners(faces, { vectors: people.vectors, owners: protoIds }, { k: NEAR_PROTOTYPES });
  const candidates = candidatesFromAnchors(near, people.owners);
  const loose = nameFromCandidates(candidates, input, { threshold, margin });
  const strict = nameFromCandidates(candidates, input, { threshold: strictThreshold, margin });
  // All faces are clustered with the people's prototypes (faces of nobody known help a look-alike
  // form a group of their own): a face keeps the name of the person its cluster holds, or, in a
  // cluster of no person, only a name within strictThreshold.
  const person = new Int32Array(faces.rows).fill(-1);
  if (faces.rows > 0 && people.vectors.rows > 0) {
    const blocked = (f: number): ReadonlySet<number> | null => {
      const rejected = input.rejected?.get(f);
      const present = input.peopleInPhoto?.get(input.photoOf[f] as string);
      if (rejected && present) return new Set([...rejected, ...present]);
      return rejected ?? present ?? null;
    };
    const joint = jointCluster(
      faces,
      input.photoOf,
      anchorsOf(people),
      blocked,
      {
        cut: options.grouping.linkThreshold,
        spread: options.grouping.spread,
        batchSize: options.grouping.jointBatchSize ?? options.grouping.batchSize ?? 1500,
        contextRadius: options.grouping.contextRadius,
        packSize: options.grouping.jointPackSize,
      },
      near,
    );
    for (let f = 0; f < faces.rows; f++) {
      const inPerson = joint.person[f] as number;
      if (inPerson >= 0 && inPerson === loose.person[f]) person[f] = inPerson;
      else if (inPerson < 0 && (strict.person[f] as number) >= 0) person[f] = strict.person[f] as number;
    }
  }
  dedupeSamePhoto(person, loose.distance, input.photoOf);
  const unnamed: number[] = [];
  for (let i = 0; i < faces.rows; i++) {
    if ((person[i] as number) < 0 && (input.groupable?.[i] ?? true)) unnamed.push(i);
  }
  const groupsIn = input.groups.map((g) => ({ ...g, centroid: metric(toMatrix([g.centroid])).data }));
  const grouping = groupFaces(
    selectRows(faces, unnamed),
    unnamed.map((f) => input.photoOf[f] as string),
    groupsIn,
    input.firstNewGroupKey,
    options.grouping,
  );
  const group = new Int32Array(faces.rows).fill(-1);
  unnamed.forEach((f, i) => {
    group[f] = grouping.group[i] as number;
  });
  if (input.weights || input.projection) rawCentroids(grouping.groups, input, group);
  return { person, distance: loose.distance, group, groups: grouping.groups };
}

function anchorsOf(people: OwnedVectors): Anchors {
  const rows = people.vectors.rows;
  return {
    vectors: people.vectors,
    person: people.owners,
    group: new Int32Array(rows).fill(-1),
    weight: new Float64Array(rows).fill(PROTOTYPE_WEIGHT),
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

/** The metric as a map of rows: identity, variance weights, or a learned projection. */
function metricOf(input: RecognitionInput): (m: Matrix) => Matrix {
  const { weights, projection } = input;
  if (projection) return (m) => project(m, projection);
  if (weights) return (m) => applyWeights(m, weights);
  return (m) => m;
}

/** Group centroids back in descriptor space: stored centroid × size plus this run's raw members. */
function rawCentroids(groups: Map<number, ExistingGroup>, input: RecognitionInput, group: Int32Array) {
  const dim = input.faces.dim;
  const before = new Map(input.groups.map((g) => [g.key, g]));
  const sums = new Map<number, { sum: Float64Array; n: number }>();
  for (const key of groups.keys()) {
    const old = before.get(key);
    const sum = new Float64Array(dim);
    if (old) for (let k = 0; k < dim; k++) sum[k] = (old.centroid[k] as number) * old.size;
    sums.set(key, { sum, n: old?.size ?? 0 });
  }
  for (let f = 0; f < group.length; f++) {
    const entry = sums.get(group[f] as number);
    if (!entry) continue;
    for (let k = 0; k < dim; k++)
      entry.sum[k] = (entry.sum[k] as number) + (input.faces.data[f * dim + k] as number);
    entry.n++;
  }
  for (const [key, g] of groups) {
    const { sum, n } = sums.get(key) as { sum: Float64Array; n: number };
    g.centroid = Float32Array.from(sum, (v) => v / Math.max(1, n));
  }
}
