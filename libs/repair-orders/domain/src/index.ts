export * from './repair-order.js';
