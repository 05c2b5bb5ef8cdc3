export { type BatchOptions, createBatchSampler, semiHardTriplets } from './sampling.js';
export {
  TRAIN_DEFAULTS,
  type TrainBackend,
  type TrainOptions,
  type TrainResult,
  trainProjection,
} from './train.js';
export {
  type Figures,
  type FoldResult,
  type LabelledFaces,
  makeFolds,
  type ValidateOptions,
  type Validation,
  validateLearning,
} from './validate.js';
