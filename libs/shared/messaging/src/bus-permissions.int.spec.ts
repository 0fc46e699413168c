import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { type DedicatedNats, startDedicatedNats, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { type BusApp, busApps, natsAuthorization } from './bus-permissions.js';
import { natsConnectionOf } from './nats-url.js';

const namespace = uniqueName('perm');
const passwords = Object.fromEntries(busApps.map((app) => [app, randomUUID()])) as Record<BusApp, string>;
const subject = (s: string) => `${namespace}.${s}`;

describe('the bus, locked down to one NATS user per app', () => {
  let nats: DedicatedNats;
  const connections: NatsConnection[] = [];

  const as = async (app: BusApp) => {
    const url = new URL(nats.url);
    url.username = app;
    url.password = passwords[app];
    const connection = await connect(natsConnectionOf(url.toString()));
    connections.push(connection);
    return connection;
  };

  /** The permission errors the server reports to a connection. */
  const violations = (connection: NatsConnection) => {
    const seen: string[] = [];
    void (async () => {
      for await (const status of connection.status()) {
        if (status.type === 'error') seen.push(String(status.error?.message));
      }
    })();
    return seen;
  };

  beforeAll(async () => {
    nats = await startDedicatedNats({ configuration: natsAuthorization(passwords, namespace) });
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await nats?.destroy();
  });

  it('lets no one in without an app’s credentials', async () => {
    await expect(connect({ servers: nats.url })).rejects.toThrow('Authorization Violation');
    const wrong = new URL(nats.url);
    wrong.username = 'identity';
    wrong.password = 'guessed';
    await expect(connect(natsConnectionOf(wrong.toString()))).rejects.toThrow('Authorization Violation');
  });

  it("keeps a service from listening to another service's requests", async () => {
    const warranty = await as('warranty');
    const eavesdropper = warranty.subscribe(subject('aftersales.identity.sign-in'));
    await expect(eavesdropper.closed).resolves.toMatchObject({
      message: `Permissions Violation for Subscription to "${subject('aftersales.identity.sign-in')}"`,
    });
  });

  it("keeps a service from publishing another service's events, and the gateway from publishing any", async () => {
    for (const app of ['warranty', 'gateway'] as const) {
      const connection = await as(app);
      const seen = violations(connection);
      connection.publish(subject('aftersales.consultation.ConsultationConverted'), '{}');
      await connection.flush();
      await waitUntil(`${app} is refused`, () =>
        seen.includes(
          `Permissions Violation for Publish to "${subject('aftersales.consultation.ConsultationConverted')}"`,
        ),
      );
    }
  });

  it('lets the gateway ask a service, and the service answer it on its own subject', async () => {
    const identity = await as('identity');
    const answering = identity.subscribe(subject('aftersales.identity.sign-in'), {
      callback: (_, message) => {
        message.respond('signed in');
      },
    });
    await identity.flush();
    const gateway = await as('gateway');
    const reply = await gateway.request(subject('aftersales.identity.sign-in'), '{}', { timeout: 2_000 });
    expect(reply.string()).toBe('signed in');
    answering.unsubscribe();
  });
});
