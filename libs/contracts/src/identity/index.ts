export * from './events.js';
export * from './messages.js';
export * from './notices.js';
export * from './principal.js';
export * from './schemas.js';
