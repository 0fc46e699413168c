import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const SERVER = 'postgres://postgres@127.0.0.1:5432';

/** How long a drop at the end of a run waits for connections to leave: see `BenchDatabase.drop`. */
export const DROP_GRACE_MS = 2000;

export interface BenchDatabase {
  name: string;
  url: string;
  /**
   * Drops the database. A stopped process's or pool's connections may take a moment to leave the server;
   * dropping at once (`with (force)`) would terminate them mid-goodbye and make them report errors. So it
   * waits up to `graceMs` for them to go, and forces only what is still there after that, as after a failure.
   */
  drop(graceMs: number): Promise<void>;
}

/** A database of this run's own, `bench_<random>`, so that runs never see each other's rows. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`create database ${name}`));
  return {
    name,
    url: `${SERVER}/${name}`,
    drop: (graceMs) => onServer((client) => dropDatabase(client, name, graceMs)),
  };
}

/** The server's version, for the machine header. */
export async function serverVersion(): Promise<string> {
  const { rows } = await onServer((client) => client.query<{ version: string }>('select version()'));
  return rows[0]?.version ?? 'unknown';
}

/**
 * The pids of the server's backends that serve other databases than `database`: on a machine where other
 * work uses the same server, their CPU is not the benchmark's.
 */
export async function otherDatabasesBackends(database: string): Promise<Set<number>> {
  const others = 'select pid from pg_stat_activity where datname is not null and datname <> $1';
  const { rows } = await onServer((client) => client.query<{ pid: number }>(others, [database]));
  return new Set(rows.map(({ pid }) => pid));
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
