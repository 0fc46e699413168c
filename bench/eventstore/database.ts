import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, type DatabaseConnection, openPostgres } from '@aftersales/shared-persistence';
import { createBenchDatabase, DROP_GRACE_MS } from '../shared/postgres.js';

/** The event store's own test schema: the benchmark appends to the tables the library's tests use. */
export const SCHEMA = 'es_test';

/**
 * Runs `bench` in a database of its own and drops it afterwards, also on failure and on Ctrl-C, so that
 * runs never see each other's rows nor leave databases behind.
 */
export async function withBenchDatabase<T>(bench: (url: string) => Promise<T>): Promise<T> {
  const database = await createBenchDatabase();
  // Interrupted, the pools are busy and will not leave by themselves: drop at once.
  const interrupted = () => void database.drop(0).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    return await bench(database.url);
  } finally {
    process.off('SIGINT', interrupted);
    await database.drop(DROP_GRACE_MS);
  }
}

/** Opens the bench database through our persistence library and migrates the event store's test tables. */
export async function openEventStoreDatabase(url: string): Promise<DatabaseConnection> {
  const connection = await openPostgres(url);
  // The package resolves to its dist/ folder; the test migrations sit beside it.
  const library = import.meta.resolve('@aftersales/shared-event-store');
  await connection.migrate({ folder: fileURLToPath(new URL('../test/migrations', library)), schema: SCHEMA });
  return connection;
}

/** Empties the event store, so that every measurement starts from the same state. */
export async function emptyEventStore(db: Database): Promise<void> {
  const s = sql.identifier(SCHEMA);
  await db.execute(sql`truncate ${s}.events, ${s}.streams, ${s}.outbox, ${s}.projection_checkpoints`);
}
