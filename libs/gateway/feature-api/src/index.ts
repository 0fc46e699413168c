export * from './bootstrap-gateway.js';
export * from './configure-gateway.js';
export * from './gateway.module.js';
