import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, DatabaseConnection, Migrations } from './database.js';

/**
 * PGlite keeps the whole database in `dataDir`; `memory://` keeps it in memory for tests. It carries the
 * extensions the services' migrations create, as a PostgreSQL server ships them: pg_trgm (guide search).
 */
export async function openPglite(dataDir: string): Promise<DatabaseConnection> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const db = drizzle({ client });
  return {
    db: db as unknown as Database,
    migrate: (m: Migrations) =>
      migrate(db, { migrationsFolder: m.folder, migrationsSchema: m.schema, migrationsTable: 'migrations' }),
    close: () => client.close(),
  };
}
