export * from './run-service.js';
export * from './rebuild-projections.js';
