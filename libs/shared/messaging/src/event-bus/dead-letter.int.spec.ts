import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { DiscardPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { openPglite } from '@aftersales/shared-persistence';
import { NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { type Delivery, type EventBus, eventSubject, type RunningConsumer } from './event-bus.js';
import { InProcessEventBus } from './in-process-event-bus.js';
import { JetStreamEventBus } from './jetstream-event-bus.js';

/** A bus whose dead-letter store can be made to refuse writes, as a full or broken store would. */
interface FaultyStore {
  bus: EventBus;
  refuseDeadLetters(): Promise<void>;
  acceptDeadLetters(): Promise<void>;
  close(): Promise<void>;
}

/** The dead-letter stream is full: it holds one message at most and discards new ones. */
async function jetStream(): Promise<FaultyStore> {
  const namespace = uniqueName('letters');
  const bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace, publishTimeoutMs: 1_000 });
  const operator = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(operator);
  const deadLetters = `${namespace}.aftersales.deadletter`;
  const stream = await jsm.streams.find(`${deadLetters}.any`);
  return {
    bus,
    refuseDeadLetters: async () => {
      await jsm.streams.update(stream, { max_msgs: 1, discard: DiscardPolicy.New });
      await jetstream(operator).publish(`${deadLetters}.filler`, 'takes the last place');
    },
    acceptDeadLetters: async () => {
      await jsm.streams.update(stream, { max_msgs: -1 });
    },
    close: async () => {
      await bus.close();
      for (const subject of [`${deadLetters}.any`, `${namespace}.${opened}`])
        await jsm.streams.delete(await jsm.streams.find(subject));
      await operator.close();
    },
  };
}

/** The embedded database refuses the dead-letter rows. */
async function inProcess(): Promise<FaultyStore> {
  const connection = await openPglite('memory://');
  const bus = await InProcessEventBus.open(connection);
  return {
    bus,
    refuseDeadLetters: async () => {
      await connection.db.execute(sql`
        alter table bus.messages add constraint dead_letters_refused
          check (subject not like 'aftersales.deadletter.%')`);
    },
    acceptDeadLetters: async () => {
      await connection.db.execute(sql`alter table bus.messages drop constraint dead_letters_refused`);
    },
    close: async () => {
      await bus.close();
      await connection.close();
    },
  };
}

const service = 'shop';
const opened = eventSubject(service, 'OrderOpened');
const message = (id: string) => ({ subject: opened, id, data: { id } });

describe.each([
  ['JetStream', jetStream],
  ['the in-process bus', inProcess],
])('dead letters on %s', (_, open) => {
  let store: FaultyStore;
  const consumers: RunningConsumer[] = [];

  beforeAll(async () => {
    store = await open();
    await store.bus.ensureStream({ service, eventTypes: ['OrderOpened'] });
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await store.close();
  });

  it('delivers a message again while its dead letter cannot be stored, and stores it once it can', async () => {
    const durable = 'orders';
    const maxDeliver = 2;
    const deliveries: Delivery[] = [];
    await store.refuseDeadLetters();
    const spec = { service, durable, filterSubject: opened, maxDeliver, retryDelayMs: 20 };
    consumers.push(
      await store.bus.consume(spec, async (d) => {
        deliveries.push(d);
        if (d.id === 'order-1') throw new Error(`refused ${d.id} on delivery ${d.deliveryCount}`);
      }),
    );
    await store.bus.publish(message('order-1'));
    await store.bus.publish(message('order-2'));
    const attempts = () => deliveries.filter((d) => d.id === 'order-1').map((d) => d.deliveryCount);

    // Two deliveries past the last one: twice the dead letter was refused and the message came back.
    await waitUntil('order-1 delivered twice after its last delivery', () =>
      attempts().includes(maxDeliver + 2),
    );
    expect(deliveries.some((d) => d.id === 'order-2')).toBe(false);

    await store.acceptDeadLetters();
    await waitUntil('order-2 delivered after order-1 went to the dead letters', () =>
      deliveries.some((d) => d.id === 'order-2'),
    );
    const letters: Delivery[] = [];
    consumers.push(
      await store.bus.consume(
        { service: 'deadletter', durable: 'letters', filterSubject: `aftersales.deadletter.${durable}` },
        async (d) => void letters.push(d),
      ),
    );
    await waitUntil('the dead letter read back', () => letters.length > 0);

    const tried = attempts().length;
    expect(attempts()).toEqual(Array.from({ length: tried }, (_, i) => i + 1));
    expect(letters.map((l) => l.data)).toEqual([
      {
        consumer: durable,
        message: message('order-1'),
        deliveries: tried,
        error: `Error: refused order-1 on delivery ${tried}`,
      },
    ]);
    expect(deliveries.filter((d) => d.id === 'order-2').map((d) => d.deliveryCount)).toEqual([1]);
  });
});
