import { fileURLToPath } from 'node:url';

export const warrantyMigrations = {
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
  schema: 'warranty',
};
