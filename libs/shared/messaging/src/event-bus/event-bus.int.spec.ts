import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DatabaseConnection, openPglite } from '@aftersales/shared-persistence';
import { NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import {
  type Delivery,
  type EventBus,
  eventSubject,
  PermanentDeliveryError,
  type RunningConsumer,
} from './event-bus.js';
import { InProcessEventBus } from './in-process-event-bus.js';
import { JetStreamEventBus } from './jetstream-event-bus.js';

interface Harness {
  bus: EventBus;
  close(): Promise<void>;
}

async function jetStream(): Promise<Harness> {
  const bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace: uniqueName('bus') });
  return { bus, close: () => bus.close() };
}

async function inProcess(): Promise<Harness> {
  const connection: DatabaseConnection = await openPglite('memory://');
  const bus = await InProcessEventBus.open(connection);
  return {
    bus,
    close: async () => {
      await bus.close();
      await connection.close();
    },
  };
}

/** Collects deliveries until `count` arrived or the time is up; the consumer's handler may fail on purpose. */
function collector(fail: (d: Delivery) => boolean = () => false) {
  const received: Delivery[] = [];
  return {
    received,
    handler: async (d: Delivery) => {
      if (fail(d)) throw new Error(`refused ${d.id} on delivery ${d.deliveryCount}`);
      received.push(d);
    },
    async waitFor(count: number) {
      await waitUntil(`${count} deliveries`, () => received.length >= count);
      return received;
    },
    /** The deliveries of `ids`, once the last of them arrived: in stream order, the others came before it. */
    async waitForIds(ids: string[]) {
      await waitUntil(`the delivery of ${ids.at(-1)}`, () => received.some((d) => d.id === ids.at(-1)));
      return received.filter((d) => ids.includes(d.id));
    },
  };
}

const service = 'shop';
const opened = eventSubject(service, 'OrderOpened');
const paid = eventSubject(service, 'OrderPaid');
const message = (id: string, subject = opened) => ({ subject, id, data: { id, at: '2026-11-25' } });

describe.each([
  ['JetStream', jetStream],
  ['in-process', inProcess],
])('event bus on %s', (_, open) => {
  let harness: Harness;
  let bus: EventBus;
  const consumers: RunningConsumer[] = [];
  let n = 0;
  const durable = () => `test_${++n}`;

  beforeAll(async () => {
    harness = await open();
    bus = harness.bus;
    await bus.ensureStream({ service, eventTypes: ['OrderOpened', 'OrderPaid'] });
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await harness.close();
  });

  async function consume(
    spec: { durable: string; filterSubject?: string; maxDeliver?: number; retryDelayMs?: number },
    handler: (d: Delivery) => Promise<void>,
  ) {
    const consumer = await bus.consume(
      { service, filterSubject: `aftersales.${service}.>`, retryDelayMs: 50, ...spec },
      handler,
    );
    consumers.push(consumer);
    return consumer;
  }

  it('delivers published messages in order, with their data, to a durable consumer', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `order-a-${i}`);
    for (const id of ids) await bus.publish(message(id));
    const c = collector();
    await consume({ durable: durable() }, c.handler);
    const received = await c.waitFor(20);
    expect(received.slice(0, 20).map((d) => d.id)).toEqual(ids);
    expect(received[0]).toEqual({ ...message(ids[0]!), deliveryCount: 1 });
  });

  it('drops a message whose id it has stored already', async () => {
    await expect(bus.publish(message('order-b-1'))).resolves.toMatchObject({ duplicate: false });
    await expect(bus.publish(message('order-b-1'))).resolves.toMatchObject({ duplicate: true });
    const c = collector();
    await consume({ durable: durable() }, c.handler);
    // A message published after it arrives after any copy of it would.
    await bus.publish(message('order-b-2'));
    await c.waitForIds(['order-b-1', 'order-b-2']);
    expect(c.received.filter((d) => d.id === 'order-b-1')).toHaveLength(1);
  });

  it('delivers only the subjects the consumer filters on', async () => {
    await bus.publish(message('order-c-1', paid));
    const c = collector();
    await consume({ durable: durable(), filterSubject: paid }, c.handler);
    const received = await c.waitForIds(['order-c-1']);
    expect(received.map((d) => d.subject)).toEqual([paid]);
    expect(c.received.every((d) => d.subject === paid)).toBe(true);
  });

  it('delivers again when the handler fails, keeping the order', async () => {
    const c = collector((d) => d.id === 'order-d-1' && d.deliveryCount < 3);
    await consume({ durable: durable() }, c.handler);
    await bus.publish(message('order-d-1'));
    await bus.publish(message('order-d-2'));
    const received = await c.waitForIds(['order-d-1', 'order-d-2']);
    expect(received.map((d) => [d.id, d.deliveryCount])).toEqual([
      ['order-d-1', 3],
      ['order-d-2', 1],
    ]);
  });

  it('moves a message that keeps failing to the dead-letter subject and goes on', async () => {
    const name = durable();
    const c = collector((d) => d.id === 'order-e-1');
    await consume({ durable: name, maxDeliver: 2 }, c.handler);
    await bus.publish(message('order-e-1'));
    await bus.publish(message('order-e-2'));
    expect((await c.waitForIds(['order-e-1', 'order-e-2'])).map((d) => d.id)).toEqual(['order-e-2']);
    const letters = collector();
    consumers.push(
      await bus.consume(
        { service: 'deadletter', durable: `${name}_letters`, filterSubject: `aftersales.deadletter.${name}` },
        letters.handler,
      ),
    );
    const [letter] = await letters.waitFor(1);
    expect(letter?.data).toEqual({
      consumer: name,
      message: message('order-e-1'),
      deliveries: 2,
      error: 'Error: refused order-e-1 on delivery 2',
    });
  });

  it('moves a message that fails for good to the dead letters on its first delivery, and goes on at once', async () => {
    const name = durable();
    const attempts: Delivery[] = [];
    const c = collector();
    // A retry would hold the next message back for a minute, far beyond what the test waits.
    await consume({ durable: name, maxDeliver: 5, retryDelayMs: 60_000 }, async (d) => {
      if (d.id !== 'order-g-1') return c.handler(d);
      attempts.push(d);
      throw new PermanentDeliveryError(`${d.id} can never be handled`);
    });
    await bus.publish(message('order-g-1'));
    await bus.publish(message('order-g-2'));
    const received = await c.waitForIds(['order-g-2']);
    expect(received.map((d) => [d.id, d.deliveryCount])).toEqual([['order-g-2', 1]]);
    expect(attempts.map((d) => d.deliveryCount)).toEqual([1]);
    const letters = collector();
    consumers.push(
      await bus.consume(
        { service: 'deadletter', durable: `${name}_letters`, filterSubject: `aftersales.deadletter.${name}` },
        letters.handler,
      ),
    );
    expect((await letters.waitFor(1)).map((l) => l.data)).toEqual([
      {
        consumer: name,
        message: message('order-g-1'),
        deliveries: 1,
        error: 'PermanentDeliveryError: order-g-1 can never be handled',
      },
    ]);
  });

  it('resumes a durable consumer after a restart where it stopped', async () => {
    const name = durable();
    const first = collector();
    const consumer = await bus.consume({ service, durable: name, filterSubject: opened }, first.handler);
    await bus.publish(message('order-f-1'));
    await first.waitForIds(['order-f-1']);
    await consumer.stop();
    await bus.publish(message('order-f-2'));
    const second = collector();
    await consume({ durable: name, filterSubject: opened }, second.handler);
    expect((await second.waitFor(1)).map((d) => d.id)).toEqual(['order-f-2']);
  });
});
