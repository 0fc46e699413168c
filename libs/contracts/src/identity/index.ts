export * from './messages.js';
export * from './principal.js';
export * from './schemas.js';
export * from './subjects.js';
