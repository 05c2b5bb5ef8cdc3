export * from './actor.js';
export * from './auth-server.js';
export * from './invites.js';
export * from './lockout.js';
export * from './roles.js';
export * from './tokens.js';
export * from './users.js';
