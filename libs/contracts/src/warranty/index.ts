export * from './lookup.js';
export * from './messages.js';
export * from './registry.js';
export * from './repair-points.js';
export * from './serial-number.js';
