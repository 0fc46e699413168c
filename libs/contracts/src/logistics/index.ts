export * from './carriers.js';
export * from './events.js';
export * from './messages.js';
export * from './shipments.js';
export * from './tracking-numbers.js';
