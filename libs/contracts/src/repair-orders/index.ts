export * from './events.js';
export * from './messages.js';
export * from './requests.js';
export * from './schemas.js';
export * from './live.js';
