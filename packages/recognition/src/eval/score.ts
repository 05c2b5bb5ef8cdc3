import { bcubed, namingScore, samePhotoConflicts } from '../metrics.js';
import type { EvalSet } from './eval-set.js';
import type { Prediction } from './methods.js';

export interface Score {
  precision: number;
  recall: number;
  bcubedF: number;
  conflicts: number;
  named: number;
}

/**
 * Naming precision/recall over the faces that were not confirmed; BCubed F over the faces of people
 * with no confirmed face (a wrong name counts as a group of that name); same-photo conflicts over
 * names (confirmed included) and groups.
 */
export function scorePrediction(set: EvalSet, p: Prediction): Score {
  const known = new Set(set.identity.filter((_, i) => set.confirmed[i]));
  const pending = set.identity.map((_, i) => i).filter((i) => !set.confirmed[i]);
  const naming = namingScore(
    pending.map((i) => set.identity[i] as string),
    pending.map((i) => p.person[i] ?? null),
    pending.map((i) => known.has(set.identity[i] as string)),
  );
  const unknown = pending.filter((i) => !known.has(set.identity[i] as string));
  const grouping = bcubed(
    unknown.map((i) => set.identity[i] as string),
    unknown.map((i) => (p.person[i] ? `name:${p.person[i]}` : (p.group[i] ?? null))),
  );
  const names = set.identity.map((id, i) => (set.confirmed[i] ? id : (p.person[i] ?? null)));
  const conflicts = samePhotoConflicts(set.photo, names) + samePhotoConflicts(set.photo, p.group);
  return {
    precision: naming.precision,
    recall: naming.recall,
    bcubedF: grouping.f,
    conflicts,
    named: naming.named,
  };
}

/** Precision first: settings at ≥ 98% precision beat all others; among them, recall + BCubed F. */
export function objective(s: Score): number {
  return (s.precision >= 0.98 ? 10 : s.precision) + s.recall + s.bcubedF;
}
