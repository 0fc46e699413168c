export * from './database.js';
export * from './persistence.module.js';
export * from './pglite.js';
export * from './postgres.js';
export * from './prepared.js';
export * from './json-rows.js';
