import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { Database, DatabaseConnection, Migrations } from './database.js';

const logger = new Logger('PostgreSQL');

export async function openPostgres(url: string): Promise<DatabaseConnection> {
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection the server ends (a restart, a dropped database) is replaced on the next query;
  // without a listener its error would end the process.
  pool.on('error', (error) => logger.warn(`PostgreSQL closed an idle connection: ${error.message}`));
  // Fail at start, with the URL's host in the message, rather than on the first request.
  await pool.query('select 1').catch((error: Error) => {
    throw new Error(`Cannot reach PostgreSQL at ${new URL(url).host}: ${error.message}`);
  });
  const db = drizzle({ client: pool });
  return {
    db: db as unknown as Database,
    migrate: async (m: Migrations) => {
      // Replicas of one service start together; the advisory lock lets one of them migrate at a time.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock(hashtext($1))', [m.schema]);
        await migrate(db, {
          migrationsFolder: m.folder,
          migrationsSchema: m.schema,
          migrationsTable: 'migrations',
        });
      } finally {
        await lock.query('select pg_advisory_unlock(hashtext($1))', [m.schema]);
        lock.release();
      }
    },
    close: () => pool.end(),
  };
}
