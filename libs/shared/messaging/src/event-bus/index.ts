export * from './event-bus.js';
export * from './in-process-event-bus.js';
export * from './jetstream-event-bus.js';
export * from './event-bus.module.js';
