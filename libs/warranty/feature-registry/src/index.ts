export * from './warranty.module.js';
