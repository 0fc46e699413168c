import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { identityMessages } from '@aftersales/contracts/identity';
import type { ServiceClient } from '@aftersales/shared-messaging';
import { identityWirings, metadata, startIdentity } from '../test/identity-service.js';

describe.each(identityWirings)('the names timelines show, from the identity service on %s', (_, wiring) => {
  let service: INestMicroservice;
  let services: ServiceClient;
  /** Each administrative command a new one, by the demo admin. */
  let asAdmin: () => ReturnType<typeof metadata>;

  const namesOf = (actors: string[]) =>
    services.request(identityMessages.actorNames, { actors }, metadata('service:repair-orders'));

  beforeAll(async () => {
    ({ service, services } = await startIdentity(wiring));
    const [admin] = await services.request(
      identityMessages.listUsers,
      { q: 'admin@example.com' },
      metadata(),
    );
    asAdmin = () => metadata(`user:${admin!.id}`);
  });

  afterAll(() => service?.close());

  it('names an account by its display name and an API key by its name, never by an email', async () => {
    const email = `zhang.${randomUUID()}@example.com`;
    const engineer = await services.request(
      identityMessages.createUser,
      {
        email,
        password: 'a long enough password',
        displayName: '张工',
        role: 'engineer',
        repairPointId: 'rp-shenzhen',
      },
      asAdmin(),
    );
    const key = await services.request(
      identityMessages.createApiKey,
      { repairPointId: 'rp-shenzhen', name: 'Shenzhen WMS' },
      asAdmin(),
    );

    const names = await namesOf([
      `user:${engineer.id}`,
      `api-key:${key.id}`,
      `user:${engineer.id}`,
      'service:logistics',
      `user:${randomUUID()}`,
      'user:not-an-id',
    ]);

    // The system has no name here, and an actor nobody knows is left out rather than guessed.
    expect(names).toHaveLength(2);
    expect(names).toEqual(
      expect.arrayContaining([
        { actor: `user:${engineer.id}`, name: '张工' },
        { actor: `api-key:${key.id}`, name: 'Shenzhen WMS' },
      ]),
    );
    expect(JSON.stringify(names)).not.toContain(email);
  });

  it('keeps the name of a disabled account and a revoked key on what they did', async () => {
    const agent = await services.request(
      identityMessages.createUser,
      {
        email: `li.${randomUUID()}@example.com`,
        password: 'a long enough password',
        displayName: '李客服',
        role: 'agent',
      },
      asAdmin(),
    );
    const key = await services.request(
      identityMessages.createApiKey,
      { repairPointId: 'rp-dubai', name: 'Dubai scanner' },
      asAdmin(),
    );
    await services.request(identityMessages.disableUser, { id: agent.id }, asAdmin());
    await services.request(identityMessages.revokeApiKey, { id: key.id }, asAdmin());

    expect(await namesOf([`user:${agent.id}`, `api-key:${key.id}`])).toEqual(
      expect.arrayContaining([
        { actor: `user:${agent.id}`, name: '李客服' },
        { actor: `api-key:${key.id}`, name: 'Dubai scanner' },
      ]),
    );
  });

  it('refuses a batch larger than a timeline would ask for', async () => {
    const actors = Array.from({ length: 501 }, () => `user:${randomUUID()}`);
    await expect(namesOf(actors)).rejects.toMatchObject({ error: { statusCode: 400 } });
  });
});
