export * from './migrations.js';
export * from './repair-order.repository.js';
export * from './repair-orders.projection.js';
export * from './schema.js';
