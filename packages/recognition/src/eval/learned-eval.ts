import {
  type Figures,
  type LabelledFaces,
  TRAIN_DEFAULTS,
  trainProjection,
  validateLearning,
} from '../learn/index.js';
import { selectRows } from '../matrix.js';
import { syntheticFaces } from '../synthetic.js';
import type { EvalSet } from './eval-set.js';
import { ours, recognizeSet } from './methods.js';
import { scorePrediction } from './score.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const fig = (f: Figures) => `${pct(f.precision)} / ${pct(f.recall)} / ${f.bcubedF.toFixed(3)}`;

/** A set's faces that count as labelled for learning: the confirmed ones, or (`all`) every labelled one. */
function labelled(set: EvalSet, all: boolean): LabelledFaces {
  const rows = set.identity
    .map((_, i) => i)
    .filter((i) => (all ? !(set.identity[i] as string).startsWith('?') : set.confirmed[i]));
  const names = [...new Set(rows.map((i) => set.identity[i] as string))];
  return {
    descriptors: selectRows(set.descriptors, rows),
    person: rows.map((i) => names.indexOf(set.identity[i] as string)),
    photo: rows.map((i) => set.photo[i] as string),
  };
}

/**
 * The "learned metric" comparison (issue 6): for each scenario, the adoption gate on held-out folds
 * of its confirmed faces, the scenario scored with ours under a metric trained on those faces, and
 * the gate on every labelled face of the set (a family that confirmed everything). A synthetic set
 * whose last 64 dimensions carry no identity shows the gate adopting when a metric does help.
 */
export async function learnedMetricTable(sets: EvalSet[], log: (line: string) => void): Promise<void> {
  log(
    '| set | trained on | held-out plain P / R / F | held-out learned P / R / F | adopted | scenario with learned metric P / R / F |',
  );
  log('|---|---|---|---|---|---|');
  for (const set of sets) {
    for (const all of [false, true]) {
      const data = labelled(set, all);
      const v = await validateLearning(data, { train: TRAIN_DEFAULTS });
      let scenario = '—';
      if (!all) {
        const trained = await trainProjection(data.descriptors, data.person, TRAIN_DEFAULTS);
        const s = scorePrediction(set, recognizeSet(set, ours.defaults, trained.projection));
        scenario = `${fig({ precision: s.precision, recall: s.recall, bcubedF: s.bcubedF })} (${s.conflicts} conflicts)`;
      }
      const what = `${all ? 'all labelled' : 'confirmed'} faces (${data.descriptors.rows})`;
      log(
        `| ${set.name} | ${what} | ${fig(v.current)} | ${fig(v.learned)} | ${v.adopt ? 'yes' : 'no'} | ${scenario} |`,
      );
    }
  }
  const s = syntheticFaces({ identities: 40, facesPerIdentity: 12, seed: 5, uninformativeDims: 64 });
  const v = await validateLearning(
    { descriptors: s.descriptors, person: s.identity, photo: Array.from(s.identity, (_, i) => `p${i}`) },
    { train: TRAIN_DEFAULTS },
  );
  log(
    `| synthetic, 64 of 128 dims noise | 480 faces | ${fig(v.current)} | ${fig(v.learned)} | ${v.adopt ? 'yes' : 'no'} | — |`,
  );
}
