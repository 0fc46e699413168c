export * from './consultation.js';
