export * from './consultation.repository.js';
export * from './consultations.projection.js';
export * from './migrations.js';
export * from './schema.js';
