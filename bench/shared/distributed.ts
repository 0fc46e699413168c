import { randomBytes } from 'node:crypto';
import { type RunningProcess, startProcess } from './processes.js';
import type { Teardown } from './teardown.js';

export const NATS_URL = 'nats://127.0.0.1:4222';
/** The demo accounts' password, as the services seed them. */
export const DEMO_PASSWORD = 'aftersales-demo';
export const DEMO_ADMIN = 'admin@example.com';

export interface Distributed {
  gatewayUrl: string;
  /** The services in the order they started, the gateway last. */
  processes: RunningProcess[];
}

export interface DistributedPlan {
  /** The service apps a benchmark needs, in start order; the gateway starts after them. */
  services: string[];
  /** Settings on top of the run's own database, bus namespace and secret, such as rate limits. */
  env?: Record<string, string>;
}

/**
 * `npm run start:distributed`, as the e2e tests' `startDistributed` starts it: each service and then the
 * gateway as separate processes over the real NATS and PostgreSQL, in the run's own database and subject
 * namespace; each service migrates its schema and seeds the demo data at start.
 */
export async function startDistributed(
  teardown: Teardown,
  databaseUrl: string,
  { services, env: extra = {} }: DistributedPlan,
): Promise<Distributed> {
  const env = {
    DATABASE_URL: databaseUrl,
    NATS_URL,
    BUS_NAMESPACE: `bench_${randomBytes(4).toString('hex')}`,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'true',
    ...extra,
  };
  const app = (name: string, own: Record<string, string> = {}) =>
    startProcess(teardown, name, `apps/${name}/dist/main.js`, { ...env, ...own });
  // One after the other: each migrates its own schema, and the gateway needs identity to sign in.
  const processes: RunningProcess[] = [];
  for (const service of services) processes.push(await app(service));
  const gateway = await app('gateway', { PORT: '0' });
  return { gatewayUrl: gateway.url!, processes: [...processes, gateway] };
}

/** Signs in through the gateway and returns the access token for `Authorization: Bearer …`. */
export async function signIn(gatewayUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) {
    throw new Error(`Sign-in as ${email} failed (${response.status}): ${JSON.stringify(body)}`);
  }
  return body.accessToken;
}
