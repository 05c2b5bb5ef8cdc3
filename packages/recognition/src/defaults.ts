import type { GroupingOptions } from './grouping.js';
import type { NamingOptions } from './naming.js';
import type { PrototypeOptions } from './prototypes.js';

export interface RecognitionOptions {
  naming: NamingOptions;
  grouping: GroupingOptions;
  prototypes: PrototypeOptions;
}

/** Shipped defaults for face-api's 128-D descriptors (chosen by `npm run eval`; see docs/recognition.md). */
export const DEFAULTS: RecognitionOptions = {
  naming: { threshold: 0.5, margin: 0.06 },
  grouping: { linkThreshold: 0.55, joinThreshold: 0.5, batchSize: 2000 },
  prototypes: { maxPerPerson: 4, facesPerPrototype: 4 },
};

/** Bumped when the math changes in a way that should trigger a full re-run. */
export const RECOGNITION_VERSION = 'kindred-recognition-1';
