export * from './warranty.js';
