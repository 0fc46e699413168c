export * from './canned-reply.js';
export * from './consultation.js';
export * from './guide.js';
export * from './guide-feedback.js';
