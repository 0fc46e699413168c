export * from './answers.js';
export * from './broadcasts.js';
export * from './in-process.js';
export * from './messaging.module.js';
export * from './nats.js';
export * from './rpc-error.js';
export * from './service-client.js';
export * from './event-bus/index.js';
