export * from './health-paths.js';
export * from './health.module.js';
export * from './readiness.js';
export * from './serve-health.js';
