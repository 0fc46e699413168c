import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './databases.js';
import { type RunningApp, startApp } from './processes.js';
import { NATS_URL } from './services.js';
import { uniqueName } from './test-run.js';

export interface RunningProduct {
  url: string;
  /** The secret its access tokens are signed with, for tests that forge one. */
  authSecret: string;
  /** The distributed mode's NATS subject namespace, for tests that listen to its event streams. */
  busNamespace?: string;
  /** The embedded mode's data folder, for tests that look at what it keeps on disk. */
  dataDir?: string;
  /** Every gateway replica's URL, when the distributed mode runs more than one; `url` is the first. */
  gatewayUrls?: string[];
  /** What the (first) gateway printed so far: the embedded mode's one process, or the gateway app's. */
  gatewayOutput: () => string;
  stop: () => Promise<void>;
}

/**
 * Rate limits no test meets unless it is about them: the suite registers and signs in far more often from
 * one address than a person would. A test about limits passes its own.
 */
const limitsOutOfTheWay = {
  RATE_LIMIT_REGISTRATION: '100000/1m',
  RATE_LIMIT_SIGN_IN: '100000/1m',
  RATE_LIMIT_LOOKUP: '100000/1m',
  RATE_LIMIT_BATCH_LOOKUP: '100000/1m',
  RATE_LIMIT_DEVICE_IMPORT: '100000/1m',
};

export interface ProductOptions {
  /** Settings on top of the test defaults, such as a rate limit or TRUST_PROXY. */
  env?: Record<string, string>;
}

/** `npm start`: one process, in-process bus, PGlite in a fresh data folder, demo data seeded. */
export async function startEmbedded({ env = {} }: ProductOptions = {}): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-data-'));
  const authSecret = randomBytes(32).toString('hex');
  const app = await startApp('embedded', {
    ...limitsOutOfTheWay,
    PORT: '0',
    DATA_DIR: dataDir,
    AUTH_SECRET: authSecret,
    ...env,
  });
  return {
    url: app.url!,
    authSecret,
    dataDir,
    gatewayOutput: app.output,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The distributed mode's service processes, started before the gateways in this order. */
const services = ['identity', 'warranty', 'consultation', 'repair-orders', 'logistics'] as const;

/**
 * `npm run start:distributed`: the gateway and each service as separate processes, over the real
 * NATS and PostgreSQL, in a database and a subject namespace of their own; each service migrates its
 * schema and seeds the demo data at start. `gateways` replicas of the gateway share one bus and database.
 */
export async function startDistributed({
  env: overrides = {},
  gateways = 1,
}: ProductOptions & { gateways?: number } = {}): Promise<RunningProduct> {
  const env = {
    ...limitsOutOfTheWay,
    DATABASE_URL: await createTestDatabase('distributed'),
    NATS_URL,
    BUS_NAMESPACE: uniqueName('bus'),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'true',
    ...overrides,
  };
  const apps: RunningApp[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
  };
  try {
    for (const service of services) apps.push(await startApp(service, env));
    // Replicas of a stateless app start side by side, as a scaled deployment's pods do, and in less time.
    const replicas = await Promise.allSettled(
      Array.from({ length: gateways }, () => startApp('gateway', { ...env, PORT: '0' })),
    );
    for (const replica of replicas) if (replica.status === 'fulfilled') apps.push(replica.value);
    const failed = replicas.find(
      (replica): replica is PromiseRejectedResult => replica.status === 'rejected',
    );
    if (failed) throw failed.reason;
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayUrls = apps.slice(services.length).map((app) => app.url!);
  return {
    url: gatewayUrls[0]!,
    gatewayUrls,
    gatewayOutput: apps[services.length]!.output,
    authSecret: env.AUTH_SECRET,
    busNamespace: env.BUS_NAMESPACE,
    stop,
  };
}
