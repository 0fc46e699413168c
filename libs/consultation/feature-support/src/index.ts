export * from './consultation.module.js';
