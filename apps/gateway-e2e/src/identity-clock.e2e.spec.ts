import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { identityMessages } from '@aftersales/contracts/identity';
import { MessagingModule, ServiceClient } from '@aftersales/shared-messaging';
import {
  createTestDatabase,
  NATS_URL,
  type RunningApp,
  startApp,
  uniqueName,
} from '@aftersales/shared-testing';

/** Metadata as any process on the bus could write it, with the time it claims. */
function claiming(now: Date): CommandMetadata {
  const id = randomUUID();
  return { actor: 'anonymous', commandId: id, correlationId: id, causationId: id, now: now.toISOString() };
}

describe('the identity service and the time a request claims', () => {
  let identity: RunningApp | undefined;
  let caller: TestingModule;

  beforeAll(async () => {
    const env = {
      DATABASE_URL: await createTestDatabase('clock'),
      NATS_URL,
      BUS_NAMESPACE: uniqueName('clock'),
      AUTH_SECRET: randomBytes(32).toString('hex'),
    };
    identity = await startApp('identity', env);
    caller = await Test.createTestingModule({
      imports: [MessagingModule.nats({ url: NATS_URL, namespace: env.BUS_NAMESPACE })],
    }).compile();
    await caller.init();
  });

  afterAll(async () => {
    await caller?.close();
    await identity?.stop();
  });

  it('keeps a throttled account throttled when a request claims the window has passed', async () => {
    const services = caller.get(ServiceClient);
    const signIn = (now: Date) =>
      services.request(
        identityMessages.signIn,
        { email: 'throttled@example.com', password: 'not the password', client: { address: '10.9.8.7' } },
        claiming(now),
      );
    for (let attempt = 0; attempt < 6; attempt++) await signIn(new Date()).catch(() => undefined);
    await expect(signIn(new Date())).rejects.toMatchObject({ error: { statusCode: 429 } });
    const anHourLater = new Date(Date.now() + 60 * 60 * 1000);
    await expect(signIn(anHourLater)).rejects.toMatchObject({ error: { statusCode: 429 } });
  });
});
