export * from './sessions.js';
export * from './sign-in-throttle.js';
