export * from './demo-devices.js';
export * from './device.repository.js';
export * from './schema.js';
