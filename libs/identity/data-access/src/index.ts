export * from './identity.repository.js';
export * from './schema.js';
