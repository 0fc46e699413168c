import { fileURLToPath } from 'node:url';

export const repairOrdersMigrations = {
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
  schema: 'repair-orders',
};
