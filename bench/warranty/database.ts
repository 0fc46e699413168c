import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Teardown } from './teardown.js';

const SERVER = 'postgres://postgres@127.0.0.1:5432';

/** How long the drop waits for the processes' connections to leave: see `dropDatabase`. */
const DROP_GRACE_MS = 2000;

/**
 * Creates a database of this run's own, `bench_<random>`, and has the teardown drop it, so that runs never
 * see each other's rows nor leave databases behind. Returns its URL.
 */
export async function createBenchDatabase(teardown: Teardown): Promise<string> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`create database ${name}`));
  teardown.add(`drop database ${name}`, () => onServer((client) => dropDatabase(client, name)));
  return `${SERVER}/${name}`;
}

/** The server's version, for the machine header. */
export async function serverVersion(): Promise<string> {
  const { rows } = await onServer((client) => client.query<{ version: string }>('select version()'));
  return rows[0]?.version ?? 'unknown';
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
 * A stopped process's connections may take a moment to leave the server. Dropping at once (`with (force)`)
 * would terminate them mid-goodbye; so wait up to `DROP_GRACE_MS` for them to go, and force only what is
 * still there after that, as after a failure.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  const deadline = performance.now() + DROP_GRACE_MS;
  while ((await connectionsTo(client, name)) > 0 && performance.now() < deadline) await sleep(20);
  await client.query(`drop database if exists ${name} with (force)`);
}

async function connectionsTo(client: pg.Client, name: string): Promise<number> {
  const sessions = 'select count(*)::int as n from pg_stat_activity where datname = $1';
  const { rows } = await client.query<{ n: number }>(sessions, [name]);
  return rows[0]?.n ?? 0;
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
