export * from './albums.js';
export * from './auth.js';
export * from './face-imports.js';
export * from './inventory.js';
export * from './people.js';
export * from './photos.js';
export * from './recognition.js';
