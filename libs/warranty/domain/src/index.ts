export * from './service-network.js';
export * from './warranty.js';
export * from './repair-point.js';
