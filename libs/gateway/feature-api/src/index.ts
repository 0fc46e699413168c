export * from './bootstrap-gateway.js';
export * from './configure-gateway.js';
export * from './gateway.module.js';
export * from './gateway-config.js';
export * from './rate-limits/nats-kv-rate-limit-store.js';
