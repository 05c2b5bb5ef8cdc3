export { defaultApiWorkers, startApiProcesses } from './api-cluster.js';
export type { Actor, Box, DescribeBox, KindredContext, Role } from './context.js';
export { describeBoxWithVision } from './describe-box.js';
export { createKindredHttpHandler } from './http-handler.js';
export { DEFAULT_LIMITS, type QueryLimits } from './limits.js';
export { ResponseCache } from './response-cache.js';
export { createSchema } from './schema.js';
export { faceCropUrl, photoOriginalUrl, photoThumbnailUrl } from './urls.js';
export { createKindredYoga, type KindredYogaOptions } from './yoga.js';
