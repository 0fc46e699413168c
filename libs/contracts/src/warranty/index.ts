export * from './lookup.js';
export * from './serial-number.js';
export * from './subjects.js';
