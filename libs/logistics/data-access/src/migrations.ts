import { fileURLToPath } from 'node:url';

export const logisticsMigrations = {
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
  schema: 'logistics',
};
