// `npm run start:distributed`: every app in its own process over NATS and PostgreSQL, as in production.
import { randomBytes } from 'node:crypto';
import concurrently from 'concurrently';
import pg from 'pg';

const databaseUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/aftersales');

/** A developer machine may not have the database yet; the services create their own schemas in it. */
async function ensureDatabase() {
  const name = databaseUrl.pathname.slice(1);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

await ensureDatabase();
// On a developer machine the distributed mode runs with the demo data and a secret made for this run.
process.env.SEED_DEMO_DATA ??= 'true';
process.env.AUTH_SECRET ??= randomBytes(32).toString('hex');
const { result } = concurrently(
  [
    { name: 'identity', command: 'node apps/identity/dist/main.js' },
    { name: 'warranty', command: 'node apps/warranty/dist/main.js' },
    { name: 'consultation', command: 'node apps/consultation/dist/main.js' },
    { name: 'repair-orders', command: 'node apps/repair-orders/dist/main.js' },
    { name: 'gateway', command: 'node apps/gateway/dist/main.js' },
  ],
  {
    killOthersOn: ['failure', 'success'],
    prefixColors: ['green', 'blue', 'yellow', 'cyan', 'magenta'],
  },
);
await result.catch(() => process.exit(1));
