export * from './bulk-load.js';
export * from './client.js';
export * from './paths.js';
export { relations } from './relations.js';
export * from './schema/index.js';
export * from './vectors.js';
