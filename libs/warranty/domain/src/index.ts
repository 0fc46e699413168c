export * from './service-network.js';
export * from './warranty.js';
