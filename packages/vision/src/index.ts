export { type AnalyzedPhoto, type AnalyzeOptions, analyzePhoto, pipelineVersion } from './analyze.js';
export { type BackendInfo, backendInfo } from './backend.js';
export { describeFaces } from './describe.js';
export { detectFaces } from './detect.js';
export { faceDistance, SAME_PERSON_THRESHOLD } from './distance.js';
export { loadImage } from './load-image.js';
export * from './types.js';
export { createVisionPool, type VisionPool, type VisionPoolOptions } from './worker-pool.js';
