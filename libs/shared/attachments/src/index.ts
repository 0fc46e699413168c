export * from './attachment-store.js';
export * from './folder-attachment-store.js';
export * from './nats-attachment-store.js';
