export * from './command-handler.js';
export * from './envelope.js';
export * from './event-store.js';
export * from './outbox-relay.js';
export * from './process-once.js';
export * from './projection.js';
export * from './tables.js';
