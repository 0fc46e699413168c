import { fileURLToPath } from 'node:url';

export const consultationMigrations = {
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
  schema: 'consultation',
};
