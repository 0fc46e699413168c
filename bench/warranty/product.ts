import { randomBytes } from 'node:crypto';
import { type RunningProcess, startProcess } from './processes.js';
import type { Teardown } from './teardown.js';

export const NATS_URL = 'nats://127.0.0.1:4222';
const ADMIN = { email: 'admin@example.com', password: 'aftersales-demo' };

export interface Distributed {
  gatewayUrl: string;
  processes: RunningProcess[];
}

/**
 * `npm run start:distributed`, as the e2e tests' `startDistributed` starts it: identity, warranty and the
 * gateway as separate processes over the real NATS and PostgreSQL, in the run's own database and subject
 * namespace; each service migrates its schema and seeds the demo data at start.
 */
export async function startDistributed(teardown: Teardown, databaseUrl: string): Promise<Distributed> {
  const env = {
    DATABASE_URL: databaseUrl,
    NATS_URL,
    BUS_NAMESPACE: `bench_${randomBytes(4).toString('hex')}`,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'true',
    // The benchmark is one client asking as fast as it can: the per-address lookup limits would measure
    // the limiter, not the lookup.
    RATE_LIMIT_LOOKUP: '100000000/1s',
    RATE_LIMIT_BATCH_LOOKUP: '100000000/1s',
    RATE_LIMIT_SIGN_IN: '1000/1s',
  };
  const app = (name: string, extra: Record<string, string> = {}) =>
    startProcess(teardown, name, `apps/${name}/dist/main.js`, { ...env, ...extra });
  // One after the other: each migrates its own schema, and the gateway needs identity to sign in.
  const processes = [await app('identity'), await app('warranty'), await app('gateway', { PORT: '0' })];
  return { gatewayUrl: processes[2]!.url!, processes };
}

/** Signs in as the demo admin and returns the access token for `Authorization: Bearer …`. */
export async function signInAsAdmin(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) {
    throw new Error(`Sign-in as ${ADMIN.email} failed (${response.status}): ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}
