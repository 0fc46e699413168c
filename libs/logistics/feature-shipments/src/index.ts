export * from './logistics.module.js';
