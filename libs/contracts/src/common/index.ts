export * from './api-error.js';
export * from './contracts.js';
export * from './errors.js';
export * from './metadata.js';
