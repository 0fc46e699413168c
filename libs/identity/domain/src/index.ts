export * from './sessions.js';
export * from './sign-in-throttle.js';
export * from './administration.js';
