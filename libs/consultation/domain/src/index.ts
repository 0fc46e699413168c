export * from './canned-reply.js';
export * from './consultation.js';
