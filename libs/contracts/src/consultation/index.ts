export * from './canned-replies.js';
export * from './earlier-tickets.js';
export * from './events.js';
export * from './guides.js';
export * from './live.js';
export * from './messages.js';
export * from './notices.js';
export * from './schemas.js';
