import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { type RepairPointInput, warrantyMessages } from '@aftersales/contracts/warranty';
import {
  type Delivery,
  JetStreamEventBus,
  MessagingModule,
  ServiceClient,
  ServiceError,
} from '@aftersales/shared-messaging';
import {
  createTestDatabase,
  NATS_URL,
  type RunningApp,
  startApp,
  uniqueName,
  waitUntil,
} from '@aftersales/shared-testing';

const input: RepairPointInput = {
  kind: 'third_party',
  name: 'Drain test workshop',
  country: 'KZ',
  region: 'Almaty',
  city: 'Almaty',
  address: '1 Abay Avenue',
  contact: 'Aruzhan',
  phone: '+7 727 000 0000',
  models: [],
  active: true,
};

function metadata(id: string): CommandMetadata {
  return {
    actor: 'user:admin-drain',
    commandId: `register-${id}`,
    correlationId: id,
    causationId: id,
    now: new Date().toISOString(),
  };
}

describe('a service stopped by its orchestrator (SIGTERM)', () => {
  let env: Record<string, string>;
  let caller: TestingModule;
  let warranty: RunningApp | undefined;

  beforeAll(async () => {
    env = {
      DATABASE_URL: await createTestDatabase('drain'),
      NATS_URL,
      BUS_NAMESPACE: uniqueName('drain'),
    };
    caller = await Test.createTestingModule({
      imports: [MessagingModule.nats({ url: NATS_URL, namespace: env.BUS_NAMESPACE })],
    }).compile();
    await caller.init();
  });

  afterAll(async () => {
    await warranty?.stop();
    await caller.close();
  });

  it('answers every request it took, exits 0, and every change it confirmed reaches the bus once', async () => {
    warranty = await startApp('warranty', env);
    const services = caller.get(ServiceClient);
    const ids = Array.from({ length: 40 }, (_, i) => `drain-${i}`);
    let answered = 0;
    const requests = ids.map((id) =>
      services.request(warrantyMessages.registerRepairPoint, { id, input }, metadata(id)).then(
        () => ((answered += 1), { id, refusal: undefined }),
        (error: unknown) => ({
          id,
          refusal: error instanceof ServiceError ? error.error.message : String(error),
        }),
      ),
    );
    // The orchestrator's signal arrives while registrations are still being handled.
    await waitUntil('the first registration was answered', () => answered > 0, 10_000);
    expect(await warranty.stop()).toBe(0);
    const outcomes = await Promise.all(requests);
    expect(warranty.output()).toContain('SIGTERM: finishing the work in flight, then exiting');
    // A request it took is answered; one that came after it stopped taking requests finds no one, at once.
    // Neither waits out the caller's timeout nor fails halfway.
    const refusals = new Set(outcomes.flatMap(({ refusal }) => (refusal ? [refusal] : [])));
    expect([...refusals].filter((r) => r !== 'The warranty service is unavailable')).toEqual([]);
    const confirmed = outcomes.filter(({ refusal }) => !refusal).map(({ id }) => id);
    expect(confirmed.length).toBeGreaterThan(0);

    // Whatever the outbox still held goes out once the service is back.
    warranty = await startApp('warranty', env);
    const bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace: env.BUS_NAMESPACE });
    const received: Delivery[] = [];
    const consumer = await bus.consume(
      {
        service: 'warranty',
        durable: 'drain_test',
        filterSubject: 'aftersales.warranty.RepairPointRegistered',
      },
      async (delivery) => void received.push(delivery),
    );
    const registered = () => new Set(received.map((d) => (d.data as { data: { id: string } }).data.id));
    try {
      await waitUntil('every confirmed registration is on the bus', () =>
        confirmed.every((id) => registered().has(id)),
      );
    } finally {
      await consumer.stop();
      await bus.close();
    }
    expect(new Set(received.map((d) => d.id)).size).toBe(received.length);
  });
});
