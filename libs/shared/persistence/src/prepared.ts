import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { type Database, rowsOf } from './database.js';

const dialect = new PgDialect();

/**
 * Runs a statement that a hot path sends again and again. On a PostgreSQL pool it goes as a named
 * prepared statement, so the server parses and plans it once per connection instead of on every call;
 * elsewhere (PGlite, or inside a transaction) it runs as usual. `name` must stand for exactly one SQL text.
 */
export async function executePrepared<T>(db: Database, name: string, statement: SQL): Promise<T[]> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    return (await client.query({ name, text, values: params })).rows as T[];
  }
  return rowsOf<T>(await db.execute(statement));
}
