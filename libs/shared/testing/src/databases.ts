import pg from 'pg';
import { POSTGRES_ADMIN_URL } from './services.js';
import { uniqueName } from './test-run.js';

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database of this test run on the real PostgreSQL server; returns its URL. */
export async function createTestDatabase(label: string): Promise<string> {
  const name = uniqueName(label);
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
