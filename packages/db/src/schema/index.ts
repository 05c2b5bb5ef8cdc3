export * from './auth.js';
export * from './albums.js';
export * from './inventory.js';
export * from './people.js';
export * from './photos.js';
export * from './recognition.js';
export * from './face-imports.js';
