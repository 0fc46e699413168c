import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, type DatabaseConnection, openPostgres } from '@aftersales/shared-persistence';
import pg from 'pg';
import { sleep } from './workload.js';

const SERVER = 'postgres://postgres@127.0.0.1:5432';

/** The event store's own test schema: the benchmark appends to the tables the library's tests use. */
export const SCHEMA = 'es_test';

/** How long the drop at the end waits for the pools' connections to leave: see `dropDatabase`. */
const DROP_GRACE_MS = 2000;

/**
 * Runs `bench` in a database of its own and drops it afterwards, also on failure and on Ctrl-C, so that
 * runs never see each other's rows nor leave databases behind.
 */
export async function withBenchDatabase<T>(bench: (url: string) => Promise<T>): Promise<T> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`create database ${name}`));
  const drop = (graceMs: number) => onServer((client) => dropDatabase(client, name, graceMs));
  // Interrupted, the pools are busy and will not leave by themselves: drop at once.
  const interrupted = () => void drop(0).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    return await bench(`${SERVER}/${name}`);
  } finally {
    process.off('SIGINT', interrupted);
    await drop(DROP_GRACE_MS);
  }
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(`${SERVER}/postgres`);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A pg pool's `end()` resolves before its connections have left the server. Dropping the database at once
 * (`with (force)`) would terminate them mid-goodbye and make the pools report errors; so wait up to
 * `graceMs` for them to go, and force only what is still there after that, as after a failure.
 */
async function dropDatabase(client: pg.Client, name: string, graceMs: number): Promise<void> {
  const deadline = performance.now() + graceMs;
  while ((await connectionsTo(client, name)) > 0 && performance.now() < deadline) await sleep(20);
  await client.query(`drop database if exists ${name} with (force)`);
}

async function connectionsTo(client: pg.Client, name: string): Promise<number> {
  const sessions = 'select count(*)::int as n from pg_stat_activity where datname = $1';
  const { rows } = await client.query<{ n: number }>(sessions, [name]);
  return rows[0]?.n ?? 0;
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
