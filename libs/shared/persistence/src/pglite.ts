import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, DatabaseConnection, Migrations } from './database.js';

/** PGlite keeps the whole database in `dataDir`; `memory://` keeps it in memory for tests. */
export async function openPglite(dataDir: string): Promise<DatabaseConnection> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzle({ client });
  return {
    db: db as unknown as Database,
    migrate: (m: Migrations) =>
      migrate(db, { migrationsFolder: m.folder, migrationsSchema: m.schema, migrationsTable: 'migrations' }),
    close: () => client.close(),
  };
}
