import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test, type TestingModule } from '@nestjs/testing';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { type RepairPointInput, warrantyMessages } from '@aftersales/contracts/warranty';
import {
  type Delivery,
  JetStreamEventBus,
  MessagingModule,
  ServiceClient,
} from '@aftersales/shared-messaging';
import {
  createTestDatabase,
  NATS_URL,
  type RunningApp,
  startApp,
  uniqueName,
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

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
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

  it('finishes the work in flight, exits 0, and every change it confirmed reaches the bus once', async () => {
    warranty = await startApp('warranty', env);
    const services = caller.get(ServiceClient);
    const ids = Array.from({ length: 40 }, (_, i) => `drain-${i}`);
    let answered = 0;
    const requests = ids.map((id) =>
      services.request(warrantyMessages.registerRepairPoint, { id, input }, metadata(id)).then(
        () => ((answered += 1), id),
        () => undefined,
      ),
    );
    // The orchestrator's signal arrives while registrations are still being handled.
    await until(() => answered > 0, 10_000);
    expect(await warranty.stop()).toBe(0);
    const confirmed = (await Promise.all(requests)).filter((id) => id !== undefined);
    expect(confirmed.length).toBeGreaterThan(0);
    expect(warranty.output()).toContain('SIGTERM: finishing the work in flight, then exiting');

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
      await until(() => confirmed.every((id) => registered().has(id)), 20_000);
    } finally {
      await consumer.stop();
      await bus.close();
    }
    expect(new Set(received.map((d) => d.id)).size).toBe(received.length);
  });
});
