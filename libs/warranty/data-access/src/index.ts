export * from './demo-data.js';
export * from './device.repository.js';
export * from './import.repository.js';
export * from './migrations.js';
export * from './repair-point.repository.js';
export * from './repair-points.projection.js';
export * from './schema.js';
