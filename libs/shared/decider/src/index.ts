export * from './decider-specification.js';
export * from './decider.js';
