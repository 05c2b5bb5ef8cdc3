export { DEFAULTS, RECOGNITION_VERSION, type RecognitionOptions } from './defaults.js';
export { type ExistingGroup, type Grouping, type GroupingOptions, groupFaces } from './grouping.js';
export { kMeans } from './kmeans.js';
export { averageLinkage } from './linkage.js';
export { distances, euclidean, type Matrix, meanOfRows, row, selectRows, toMatrix } from './matrix.js';
export { applyWeights, varianceWeights } from './metric.js';
export { type BCubed, bcubed, type NamingScore, namingScore, samePhotoConflicts } from './metrics.js';
export { type Naming, type NamingContext, type NamingOptions, nameFaces } from './naming.js';
export { nearestOwners, nearestOwnersExact, type OwnedVectors } from './nearest.js';
export {
  identityProjection,
  type Projection,
  project,
  projectionFromJson,
  projectionToJson,
} from './projection.js';
export { buildPrototypes, indicesByOwner, type PrototypeOptions } from './prototypes.js';
export { type RecognitionInput, type RecognitionResult, recognizeFaces } from './recognize.js';
export { kernelName } from './simd.js';
export { matchGroupIds } from './stable-ids.js';
export { type SyntheticFaces, type SyntheticOptions, seededRandom, syntheticFaces } from './synthetic.js';
