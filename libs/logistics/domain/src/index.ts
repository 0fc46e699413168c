export * from './carrier.js';
export * from './checkpoint-mapping.js';
export * from './shipment.js';
