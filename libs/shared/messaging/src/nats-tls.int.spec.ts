import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import {
  type DedicatedNats,
  makeTlsCertificates,
  NATS_URL,
  startDedicatedNats,
  type TlsCertificates,
  uniqueName,
} from '@aftersales/shared-testing';
import { type BusApp, busApps, natsAuthorization } from './bus-permissions.js';
import { natsConnectionOf } from './nats-url.js';

const namespace = uniqueName('tls');
const passwords = Object.fromEntries(busApps.map((app) => [app, randomUUID()])) as Record<BusApp, string>;

/** A NATS that, as in prod, takes clients over TLS only, each as its own user. */
describe('the bus over TLS', () => {
  let folder: string;
  let certificates: TlsCertificates;
  let nats: DedicatedNats;
  const connections: NatsConnection[] = [];

  /** The app's `tls://` URL with its credentials, as its Secret gives it. */
  const urlOf = (app: BusApp) => {
    const url = new URL(nats.url.replace(/^nats:/, 'tls:'));
    url.username = app;
    url.password = passwords[app];
    return url.toString();
  };

  const as = async (app: BusApp, caFile: string | undefined) => {
    const connection = await connect(natsConnectionOf(urlOf(app), caFile));
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aftersales-tls-'));
    certificates = makeTlsCertificates(folder, ['localhost', '127.0.0.1']);
    nats = await startDedicatedNats({
      configuration: [
        `tls {\n  cert_file: "${certificates.certFile}"\n  key_file: "${certificates.keyFile}"\n}`,
        natsAuthorization(passwords, namespace),
      ].join('\n'),
    });
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await nats?.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('carries a request from the gateway to a service and its answer back, both trusting the CA they are given', async () => {
    const subject = `${namespace}.aftersales.warranty.lookup`;
    const warranty = await as('warranty', certificates.caFile);
    warranty.subscribe(subject, {
      callback: (_, message) => {
        message.respond('in warranty');
      },
    });
    await warranty.flush();
    const gateway = await as('gateway', certificates.caFile);
    const reply = await gateway.request(subject, '{}', { timeout: 2_000 });
    expect(reply.string()).toBe('in warranty');
  });

  it('refuses a server whose certificate no CA it trusts signed, before sending the password', async () => {
    await expect(connect(natsConnectionOf(urlOf('identity'), undefined))).rejects.toThrow(
      'unable to verify the first certificate',
    );
  });

  it('refuses to go on without TLS once a CA is configured, rather than send the password in the clear', async () => {
    const plain = new URL(NATS_URL);
    plain.username = 'identity';
    plain.password = passwords.identity;
    await expect(connect(natsConnectionOf(plain.toString(), certificates.caFile))).rejects.toThrow(
      "server does not support 'tls'",
    );
  });
});
