import { syntheticFaces } from '../synthetic.js';
import { TRAIN_DEFAULTS, type TrainBackend, trainProjection } from './train.js';
import { validateLearning } from './validate.js';

/**
 * `kindred learn`'s cost on 10,000 confirmed faces (synthetic, 500 people × 20): one training
 * (TRAIN_DEFAULTS steps) on each tfjs backend, and the whole decision (6 held-out folds + final).
 */
const set = syntheticFaces({ identities: 500, facesPerIdentity: 20, seed: 10 });
const data = {
  descriptors: set.descriptors,
  person: set.identity,
  photo: Array.from(set.identity, (_, i) => `p${i}`),
};
console.log(
  `kindred learn bench: ${set.descriptors.rows} confirmed faces, ${TRAIN_DEFAULTS.steps} steps per training\n`,
);
console.log('| step | backend | wall time |\n|---|---|---|');
for (const backend of ['wasm', 'cpu'] as TrainBackend[]) {
  const r = await trainProjection(data.descriptors, data.person, { ...TRAIN_DEFAULTS, backend });
  console.log(`| one training | ${backend} | ${(r.ms / 1000).toFixed(2)} s |`);
}
const t = performance.now();
const v = await validateLearning(data);
console.log(
  `| decision: 6 folds (train + recognise) | wasm | ${((performance.now() - t) / 1000).toFixed(2)} s |`,
);
console.log(
  `\nheld-out: plain recall ${(100 * v.current.recall).toFixed(1)}%, learned ${(100 * v.learned.recall).toFixed(1)}%; adopted: ${v.adopt}`,
);
