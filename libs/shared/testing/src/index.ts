export * from './browser.js';
export * from './databases.js';
export * from './processes.js';
export * from './services.js';
export * from './test-run.js';
export * from './nats-server.js';
export * from './products.js';
