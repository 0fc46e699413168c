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
  stop: () => Promise<void>;
}

/** `npm start`: one process, in-process bus, PGlite in a fresh data folder, demo data seeded. */
export async function startEmbedded(): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-data-'));
  const authSecret = randomBytes(32).toString('hex');
  const app = await startApp('embedded', { PORT: '0', DATA_DIR: dataDir, AUTH_SECRET: authSecret });
  return {
    url: app.url!,
    authSecret,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run start:distributed`: the gateway and each service as separate processes, over the real
 * NATS and PostgreSQL, in a database and a subject namespace of their own; each service migrates its
 * schema and seeds the demo data at start.
 */
export async function startDistributed(): Promise<RunningProduct> {
  const env = {
    DATABASE_URL: await createTestDatabase('distributed'),
    NATS_URL,
    BUS_NAMESPACE: uniqueName('bus'),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'true',
  };
  const apps: RunningApp[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
  };
  try {
    apps.push(await startApp('identity', env));
    apps.push(await startApp('warranty', env));
    apps.push(await startApp('gateway', { ...env, PORT: '0' }));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: apps.at(-1)!.url!, authSecret: env.AUTH_SECRET, busNamespace: env.BUS_NAMESPACE, stop };
}
