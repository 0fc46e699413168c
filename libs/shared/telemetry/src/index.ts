export * from './app-logger.js';
export * from './correlation.js';
export * from './spans.js';
export * from './start-telemetry.js';
export * from './tracing.js';
