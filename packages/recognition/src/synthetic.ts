import type { Matrix } from './matrix.js';

/** Deterministic PRNG (mulberry32) so synthetic sets are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticOptions {
  identities: number;
  facesPerIdentity: number;
  dim?: number;
  seed?: number;
  /** Typical distance between two faces of one person (face-api: ~0.44). */
  sameDistance?: number;
  /** Typical distance between faces of two people (face-api: ~0.85). */
  differentDistance?: number;
  /**
   * The last this many dimensions carry no identity: noise at the same overall scale (a metric that
   * learns to ignore them separates people better; used to test `kindred learn`).
   */
  uninformativeDims?: number;
}

export interface SyntheticFaces {
  descriptors: Matrix;
  /** Identity index of each face. */
  identity: Int32Array;
}

/**
 * Faces drawn around random identity centres with Gaussian noise, scaled so same-person and
 * different-person distances match face-api's 128-D descriptors. Faces are ordered identity by identity.
 */
export function syntheticFaces(options: SyntheticOptions): SyntheticFaces {
  const dim = options.dim ?? 128;
  const random = seededRandom(options.seed ?? 1);
  const same = options.sameDistance ?? 0.44;
  const diff = options.differentDistance ?? 0.85;
  const noise = same / Math.sqrt(2 * dim);
  const spread = Math.sqrt(Math.max(0, (diff * diff) / (2 * dim) - noise * noise));
  const n = options.identities * options.facesPerIdentity;
  const blind = options.uninformativeDims ?? 0;
  const total = Math.sqrt(spread * spread + noise * noise);
  const data = new Float32Array(n * dim);
  const identity = new Int32Array(n);
  const centre = new Float32Array(dim);
  for (let p = 0; p < options.identities; p++) {
    for (let k = 0; k < dim; k++) centre[k] = gaussian(random) * spread;
    for (let f = 0; f < options.facesPerIdentity; f++) {
      const i = p * options.facesPerIdentity + f;
      identity[i] = p;
      for (let k = 0; k < dim; k++) data[i * dim + k] = (centre[k] as number) + gaussian(random) * noise;
      for (let k = dim - blind; k < dim; k++) data[i * dim + k] = gaussian(random) * total;
    }
  }
  return { descriptors: { data, rows: n, dim }, identity };
}
