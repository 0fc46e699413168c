export * from './repair-order.js';
export * from './order-status.js';
