export * from './canned-replies.projection.js';
export * from './canned-reply.repository.js';
export * from './consultation.repository.js';
export * from './consultations.projection.js';
export * from './migrations.js';
export * from './schema.js';
