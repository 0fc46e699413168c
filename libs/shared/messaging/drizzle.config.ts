import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/event-bus/bus-tables.ts',
  out: './migrations',
});
