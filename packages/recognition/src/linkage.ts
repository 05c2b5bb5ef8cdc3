/**
 * Average-linkage agglomerative clustering with cannot-link constraints, cut at a distance.
 * Nearest-neighbour-chain algorithm: O(m²) time and one m × m Float32 matrix.
 * Cannot-link pairs start at Infinity; the average-linkage update keeps Infinity, so two groups
 * that hold faces of one photo are never merged.
 */
export interface LinkageInput {
  /** m × m symmetric distances (diagonal ignored); modified in place. */
  distances: Float32Array;
  m: number;
  /** Items per starting group (weights of the average); default 1 each. */
  sizes?: ArrayLike<number>;
}

/** Label (0…groups−1) of each item after merging every pair of groups closer than `cut`. */
export function averageLinkage(input: LinkageInput, cut: number): Int32Array {
  const { distances: D, m } = input;
  const size = Float64Array.from({ length: m }, (_, i) => (input.sizes?.[i] as number | undefined) ?? 1);
  const parent = Int32Array.from({ length: m }, (_, i) => i);
  const active = new Uint8Array(m).fill(1);
  let remaining = m;
  const chain: number[] = [];
  let next = 0;
  while (remaining > 1) {
    if (chain.length === 0) {
      while (next < m && !active[next]) next++;
      if (next >= m) break;
      chain.push(next);
    }
    const a = chain[chain.length - 1] as number;
    const prev = chain.length >= 2 ? (chain[chain.length - 2] as number) : -1;
    let b = -1;
    let bestD = Infinity;
    const row = a * m;
    for (let j = 0; j < m; j++) {
      if (j === a || !active[j]) continue;
      const d = D[row + j] as number;
      if (d < bestD || (d === bestD && j === prev)) {
        bestD = d;
        b = j;
      }
    }
    if (b < 0 || bestD > cut) {
      // Nothing within the cut: a is final (merges only move groups farther away).
      chain.pop();
      active[a] = 0;
      remaining--;
      continue;
    }
    if (b === prev) {
      chain.pop();
      chain.pop();
      merge(D, m, size, active, a, b);
      parent[b] = a;
      remaining--;
    } else {
      chain.push(b);
    }
  }
  return labels(parent);
}

/** Merges b into a with the Lance–Williams average-linkage update. */
function merge(D: Float32Array, m: number, size: Float64Array, active: Uint8Array, a: number, b: number) {
  const na = size[a] as number;
  const nb = size[b] as number;
  for (let k = 0; k < m; k++) {
    if (!active[k] || k === a || k === b) continue;
    const dak = D[a * m + k] as number;
    const dbk = D[b * m + k] as number;
    const d = dak === Infinity || dbk === Infinity ? Infinity : (na * dak + nb * dbk) / (na + nb);
    D[a * m + k] = d;
    D[k * m + a] = d;
  }
  size[a] = na + nb;
  active[b] = 0;
}

function labels(parent: Int32Array): Int32Array {
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const ids = new Map<number, number>();
  return Int32Array.from(parent, (_, i) => {
    const r = root(i);
    let id = ids.get(r);
    if (id === undefined) {
      id = ids.size;
      ids.set(r, id);
    }
    return id;
  });
}
