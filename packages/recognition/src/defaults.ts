import type { GroupingOptions } from './grouping.js';
import type { NamingOptions } from './naming.js';
import type { PrototypeOptions } from './prototypes.js';

export interface RecognitionOptions {
  /** threshold/margin: a face may take a person whose group it joined; strictThreshold: one alone. */
  naming: NamingOptions & { strictThreshold: number };
  /**
   * linkThreshold: average-linkage cut; spread: RMS face-to-centre distance of an anchor;
   * contextRadius: faces farther than this from every prototype skip the joint clustering;
   * jointBatchSize: most faces clustered at once with the prototypes (default batchSize);
   * jointPackSize: runs of one person's faces are packed into one joint batch up to this many.
   */
  grouping: GroupingOptions & {
    spread: number;
    contextRadius?: number;
    jointBatchSize?: number;
    jointPackSize?: number;
  };
  prototypes: PrototypeOptions;
}

/** Shipped defaults for face-api's 128-D descriptors (chosen by `npm run eval`; see docs/recognition.md). */
export const DEFAULTS: RecognitionOptions = {
  naming: { threshold: 0.5, margin: 0.04, strictThreshold: 0.38 },
  grouping: {
    linkThreshold: 0.525,
    joinThreshold: 0.5,
    batchSize: 1000,
    jointBatchSize: 500,
    jointPackSize: 64,
    spread: 0.22,
  },
  prototypes: { maxPerPerson: 4, facesPerPrototype: 4 },
};

/** Bumped when the math changes in a way that should trigger a full re-run. */
export const RECOGNITION_VERSION = 'kindred-recognition-1';
