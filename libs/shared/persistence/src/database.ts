import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** Drizzle over either backend: services write queries once and run them on PostgreSQL and PGlite. */
export type Database = PgDatabase<PgQueryResultHKT>;

/** The rows of a raw `db.execute`, whose result type differs between the two drivers. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export interface Migrations {
  /** Folder of drizzle-kit migrations. */
  folder: string;
  /** The service's own schema; its migration journal lives there too. */
  schema: string;
}

/** An open connection to one of the two backends, with what differs between them kept here. */
export interface DatabaseConnection {
  readonly db: Database;
  migrate(migrations: Migrations): Promise<void>;
  close(): Promise<void>;
}

export const DATABASE_CONNECTION = Symbol('DatabaseConnection');
