// `npm run start:distributed`: every app in its own process over NATS and PostgreSQL, as in production,
// each on a NATS of its own run that admits every app only as its own user, with production's permissions.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { busApps, natsAuthorization } from '@aftersales/shared-messaging';
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

/** nats-server from PATH, or where Debian's package puts it. */
const natsServer = existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
const natsPort = Number(process.env.NATS_PORT ?? 4223);

const answers = (port) =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Starts the run's NATS with JetStream in ./data/nats and one user per app; resolves with each app's URL. */
async function startNats() {
  const passwords = Object.fromEntries(busApps.map((app) => [app, randomBytes(16).toString('hex')]));
  mkdirSync('data/nats', { recursive: true });
  writeFileSync('data/nats/nats.conf', natsAuthorization(passwords));
  const server = spawn(
    natsServer,
    ['-c', 'data/nats/nats.conf', '-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', 'data/nats/store'],
    { stdio: 'inherit' },
  );
  process.on('exit', () => server.kill());
  for (let i = 0; i < 100 && !(await answers(natsPort)); i++) await sleep(50);
  return Object.fromEntries(
    busApps.map((app) => [app, `nats://${app}:${passwords[app]}@127.0.0.1:${natsPort}`]),
  );
}

await ensureDatabase();
const natsUrls = await startNats();
// On a developer machine the distributed mode runs with the demo data and a secret made for this run.
process.env.SEED_DEMO_DATA ??= 'true';
process.env.AUTH_SECRET ??= randomBytes(32).toString('hex');
const { result } = concurrently(
  [
    ...['identity', 'warranty', 'consultation', 'repair-orders', 'logistics', 'gateway'].map((name) => ({
      name,
      command: `node apps/${name}/dist/main.js`,
      env: { NATS_URL: natsUrls[name] },
    })),
  ],
  {
    killOthersOn: ['failure', 'success'],
    prefixColors: ['green', 'blue', 'yellow', 'cyan', 'magenta'],
  },
);
await result.catch(() => process.exit(1));
