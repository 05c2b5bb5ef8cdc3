/** Evaluation metrics over labelled faces (used by the eval harness and tests). */

export interface BCubed {
  precision: number;
  recall: number;
  f: number;
}

/**
 * BCubed precision, recall and F of a clustering: for each item, the share of its predicted group
 * that has its true label (precision) and the share of its true class in its predicted group (recall),
 * averaged over items. `predicted[i]` null means the item stands alone.
 */
export function bcubed(truth: ArrayLike<string>, predicted: ArrayLike<string | number | null>): BCubed {
  const n = truth.length;
  if (n === 0) return { precision: 1, recall: 1, f: 1 };
  const pred = Array.from({ length: n }, (_, i) => predicted[i] ?? `\u0000solo${i}`);
  const predSize = countBy(pred.map(String));
  const truthSize = countBy(Array.from(truth));
  const both = countBy(pred.map((p, i) => `${String(p)}\u0001${truth[i]}`));
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i] as string;
    const k = String(pred[i]);
    const common = both.get(`${k}\u0001${t}`) as number;
    p += common / (predSize.get(k) as number);
    r += common / (truthSize.get(t) as number);
  }
  p /= n;
  r /= n;
  return { precision: p, recall: r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function countBy(values: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

export interface NamingScore {
  /** Correct names / names given. 1 when no names were given. */
  precision: number;
  /** Correct names / faces that could have been named (their person is known). */
  recall: number;
  named: number;
  correct: number;
  nameable: number;
}

/**
 * Scores suggested names. `truth[i]` is the face's true person, `predicted[i]` the suggested one
 * (null: none), `nameable[i]` whether the true person had confirmed faces to learn from.
 */
export function namingScore(
  truth: ArrayLike<string>,
  predicted: ArrayLike<string | null>,
  nameable: ArrayLike<boolean>,
): NamingScore {
  let named = 0;
  let correct = 0;
  let total = 0;
  for (let i = 0; i < truth.length; i++) {
    if (nameable[i]) total++;
    const p = predicted[i];
    if (p === null || p === undefined) continue;
    named++;
    if (p === truth[i]) correct++;
  }
  return {
    precision: named === 0 ? 1 : correct / named,
    recall: total === 0 ? 1 : correct / total,
    named,
    correct,
    nameable: total,
  };
}

/** Number of (photo, person-or-group) pairs that hold more than one face: must be 0. */
export function samePhotoConflicts(
  photoOf: ArrayLike<string>,
  assigned: ArrayLike<string | number | null>,
): number {
  const seen = new Set<string>();
  let conflicts = 0;
  for (let i = 0; i < photoOf.length; i++) {
    const a = assigned[i];
    if (a === null || a === undefined) continue;
    const key = `${photoOf[i]}\u0000${String(a)}`;
    if (seen.has(key)) conflicts++;
    else seen.add(key);
  }
  return conflicts;
}
