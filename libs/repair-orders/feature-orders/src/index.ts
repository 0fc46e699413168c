export * from './repair-orders.module.js';
