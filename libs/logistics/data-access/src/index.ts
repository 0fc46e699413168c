export * from './logistics.projection.js';
export * from './logistics.repository.js';
export * from './migrations.js';
export * from './schema.js';
export * from './seed-carriers.js';
