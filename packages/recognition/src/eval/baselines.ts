import { distances, type Matrix, meanOfRows, selectRows, squaredNorms } from '../matrix.js';

/** Nearest-centroid naming under a plain threshold (the original method and plain Euclidean). */
export function nearestCentroidNames(
  faces: Matrix,
  people: Map<string, number[]>,
  threshold: number,
): (string | null)[] {
  const names = [...people.keys()];
  const centroids: Matrix = {
    data: new Float32Array(names.length * faces.dim),
    rows: names.length,
    dim: faces.dim,
  };
  names.forEach((n, i) => {
    centroids.data.set(meanOfRows(faces, people.get(n) as number[]), i * faces.dim);
  });
  const D = distances(faces, centroids);
  return Array.from({ length: faces.rows }, (_, i) => {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < names.length; j++) {
      const d = D[i * names.length + j] as number;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    return best >= 0 && bestD <= threshold ? (names[best] as string) : null;
  });
}

/** Centroid chaining (leader clustering): each face joins the nearest running centroid within t, else starts one. */
export function leaderGroups(faces: Matrix, members: number[], threshold: number): Map<number, number> {
  const dim = faces.dim;
  const sums: Float64Array[] = [];
  const counts: number[] = [];
  const group = new Map<number, number>();
  for (const f of members) {
    let best = -1;
    let bestD = Infinity;
    for (let g = 0; g < sums.length; g++) {
      const s = sums[g] as Float64Array;
      const c = counts[g] as number;
      let d2 = 0;
      for (let k = 0; k < dim; k++) {
        const diff = (faces.data[f * dim + k] as number) - (s[k] as number) / c;
        d2 += diff * diff;
      }
      if (d2 < bestD) {
        bestD = d2;
        best = g;
      }
    }
    if (best < 0 || Math.sqrt(bestD) > threshold) {
      best = sums.length;
      sums.push(new Float64Array(dim));
      counts.push(0);
    }
    const s = sums[best] as Float64Array;
    for (let k = 0; k < dim; k++) s[k] = (s[k] as number) + (faces.data[f * dim + k] as number);
    counts[best] = (counts[best] as number) + 1;
    group.set(f, best);
  }
  return group;
}

/** face_recognition's way: the label of the nearest known face, if within the tolerance. */
export function nearestFaceNames(
  faces: Matrix,
  known: number[],
  labels: string[],
  tolerance: number,
): (string | null)[] {
  const D = distances(faces, selectRows(faces, known));
  return Array.from({ length: faces.rows }, (_, i) => {
    let best = -1;
    let bestD = Infinity;
    for (let j = 0; j < known.length; j++) {
      const d = D[i * known.length + j] as number;
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    return best >= 0 && bestD <= tolerance ? (labels[known[best] as number] as string) : null;
  });
}

const cosineMemo = new WeakMap<Matrix, Float32Array>();
const euclideanMemo = new WeakMap<Matrix, Float32Array>();

/** All-pairs Euclidean distances of a set, computed once per matrix. */
export function allDistances(faces: Matrix): Float32Array {
  let D = euclideanMemo.get(faces);
  if (!D) {
    D = distances(faces, faces);
    euclideanMemo.set(faces, D);
  }
  return D;
}

/** Cosine distances (1 − cos) between all rows, as Immich compares embeddings. */
export function cosineDistances(faces: Matrix): Float32Array {
  const cached = cosineMemo.get(faces);
  if (cached) return cached;
  const norms = squaredNorms(faces);
  const D = Float32Array.from(allDistances(faces));
  const n = faces.rows;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = norms[i] as number;
      const b = norms[j] as number;
      const d = D[i * n + j] as number;
      // cos = (‖a‖² + ‖b‖² − d²) / (2‖a‖‖b‖)
      D[i * n + j] = 1 - (a + b - d * d) / (2 * Math.sqrt(a * b));
    }
  }
  cosineMemo.set(faces, D);
  return D;
}

/** DBSCAN over the given members (PhotoPrism's clustering): returns a cluster per member, noise left out. */
export function dbscan(
  D: Float32Array,
  n: number,
  members: number[],
  eps: number,
  minPts: number,
): Map<number, number> {
  const neighbours = (i: number) => members.filter((j) => (D[i * n + j] as number) <= eps);
  const label = new Map<number, number>();
  let next = 0;
  for (const p of members) {
    if (label.has(p)) continue;
    const seeds = neighbours(p);
    if (seeds.length < minPts) continue;
    const c = next++;
    label.set(p, c);
    const queue = [...seeds];
    while (queue.length > 0) {
      const q = queue.pop() as number;
      if (label.has(q)) continue;
      label.set(q, c);
      const more = neighbours(q);
      if (more.length >= minPts) queue.push(...more.filter((m) => !label.has(m)));
    }
  }
  return label;
}
