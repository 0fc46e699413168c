export * from './audit-trail.js';
export * from './identity.repository.js';
export * from './schema.js';
