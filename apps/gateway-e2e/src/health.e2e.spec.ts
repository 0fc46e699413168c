import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { parse } from 'yaml';
import {
  type DedicatedNats,
  POSTGRES_ADMIN_URL,
  type RunningApp,
  type RunningProduct,
  createTestDatabase,
  startApp,
  startDedicatedNats,
  startEmbedded,
  uniqueName,
  waitUntil,
} from '@aftersales/shared-testing';

/** The routes DESIGN §8 names for every app's probes. */
const healthPaths = { live: '/health/live', ready: '/health/ready' };

/** The services keep a schema in PostgreSQL; the gateway keeps none. */
const services = ['identity', 'warranty', 'consultation', 'repair-orders'] as const;
const appNames = [...services, 'gateway'] as const;
type AppName = (typeof appNames)[number];

const statusOf = async (url: string) => (await fetch(url)).status;

/** Runs a statement on the server as its administrator, outside the apps' own connections. */
async function asAdmin(statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

describe('health of the distributed apps, under real faults', () => {
  let nats: DedicatedNats;
  let databaseName: string;
  const apps = new Map<AppName, RunningApp>();
  /** Where an app answers its health: a service on its own listener, the gateway on its API's port. */
  const healthBase = (app: AppName) => apps.get(app)!.healthUrl ?? apps.get(app)!.url!;
  const ready = (app: AppName) => `${healthBase(app)}${healthPaths.ready}`;
  const readiness = async () =>
    Object.fromEntries(await Promise.all(appNames.map(async (app) => [app, await statusOf(ready(app))])));

  beforeAll(async () => {
    nats = await startDedicatedNats();
    const databaseUrl = await createTestDatabase('health');
    databaseName = new URL(databaseUrl).pathname.slice(1);
    const env = {
      DATABASE_URL: databaseUrl,
      NATS_URL: nats.url,
      BUS_NAMESPACE: uniqueName('health'),
      AUTH_SECRET: randomBytes(32).toString('hex'),
      HEALTH_PORT: '0',
    };
    for (const service of services) apps.set(service, await startApp(service, env));
    apps.set('gateway', await startApp('gateway', { ...env, PORT: '0' }));
  });

  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.stop()));
    await asAdmin(`alter database "${databaseName}" with allow_connections true`);
    await nats?.destroy();
  });

  it('each app is live and ready while its database and NATS answer', async () => {
    for (const app of appNames) expect(await statusOf(`${healthBase(app)}${healthPaths.live}`)).toBe(200);
    expect(await readiness()).toEqual({
      identity: 200,
      warranty: 200,
      consultation: 200,
      'repair-orders': 200,
      gateway: 200,
    });
    const body = (await (await fetch(ready('identity'))).json()) as { info: Record<string, unknown> };
    expect(Object.keys(body.info).sort()).toEqual(['database', 'nats']);
  });

  it('answers every probe the committed Kubernetes manifests send it', async () => {
    for (const app of appNames) {
      const deployment = parse(
        readFileSync(new URL(`../../../k8s/prod/deployment-${app}.yaml`, import.meta.url), 'utf8'),
      ) as { spec: { template: { spec: { containers: Record<string, { httpGet: { path: string } }>[] } } } };
      const [container] = deployment.spec.template.spec.containers;
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
        const path = container![probe]!.httpGet.path;
        expect({ app, probe, path, status: await statusOf(`${healthBase(app)}${path}`) }).toEqual({
          app,
          probe,
          path,
          status: 200,
        });
      }
    }
  });

  it('a service whose database refuses connections is not ready, and is again once it accepts them', async () => {
    await asAdmin(`alter database "${databaseName}" with allow_connections false`);
    await asAdmin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName}'`);
    await waitUntil('every service answers 503', async () => {
      const now = await readiness();
      return services.every((service) => now[service] === 503);
    });
    // The gateway keeps no database: it stays ready.
    expect(await statusOf(ready('gateway'))).toBe(200);
    const body = (await (await fetch(ready('warranty'))).json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error)).toEqual(['database']);

    await asAdmin(`alter database "${databaseName}" with allow_connections true`);
    await waitUntil('every app is ready again', async () =>
      Object.values(await readiness()).every((status) => status === 200),
    );
  });

  it('no app is ready while NATS is down, and each is again once NATS is back', async () => {
    await nats.kill();
    await waitUntil('every app answers 503', async () =>
      Object.values(await readiness()).every((status) => status === 503),
    );
    const body = (await (await fetch(ready('identity'))).json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error)).toEqual(['nats']);
    // The gateway answers its refusals in the API's one error shape.
    expect(await (await fetch(ready('gateway'))).json()).toMatchObject({ statusCode: 503 });

    await nats.start();
    await waitUntil(
      'every app is ready again',
      async () => Object.values(await readiness()).every((status) => status === 200),
      30_000,
    );
  });
});

describe('health of the embedded mode', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startEmbedded();
  });

  afterAll(() => product?.stop());

  it('is live, and ready while its PGlite database answers', async () => {
    expect(await statusOf(`${product.url}${healthPaths.live}`)).toBe(200);
    const reply = await fetch(`${product.url}${healthPaths.ready}`);
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});
