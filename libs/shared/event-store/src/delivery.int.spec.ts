import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import {
  type Delivery,
  type EventBus,
  eventSubject,
  InProcessEventBus,
  JetStreamEventBus,
  type RunningConsumer,
} from '@aftersales/shared-messaging';
import { type DatabaseConnection, rowsOf } from '@aftersales/shared-persistence';
import {
  type DedicatedNats,
  NATS_URL,
  startDedicatedNats,
  uniqueName,
  waitForSnapshotHorizon,
  waitUntil,
} from '@aftersales/shared-testing';
import { event, openMigratedPglite, openMigratedPostgres, TEST_SCHEMA } from '../test/fixtures.js';
import { readSummaries, streamSummaries } from '../test/stream-summary.projection.js';
import { type RecordedEvent, START } from './envelope.js';
import { EventStore } from './event-store.js';
import { OutboxRelay } from './outbox-relay.js';
import { processOnce } from './process-once.js';

const SERVICE = 'estest';
const EVENT_TYPES = ['Opened', 'Noted'];

function relayTo(bus: EventBus, connection: DatabaseConnection, onError?: (error: unknown) => void) {
  return new OutboxRelay(connection.db, TEST_SCHEMA, bus, SERVICE, {
    idleMs: 20,
    maxBackoffMs: 200,
    batchSize: 7,
    onError,
  });
}

async function unpublished(connection: DatabaseConnection): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await connection.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(TEST_SCHEMA)}.outbox where published_at is null`,
    ),
  );
  return rows[0]!.n;
}

/** A consumer whose effect is the stream-summary projection, applied once per event id. */
function summarizingHandler(
  connection: DatabaseConnection,
  deliveries: Delivery[],
  afterEffect: (delivery: Delivery) => Promise<unknown> = async () => undefined,
) {
  return async (delivery: Delivery) => {
    deliveries.push(delivery);
    await processOnce(connection.db, TEST_SCHEMA, 'summaries', delivery.id, (tx) =>
      streamSummaries.evolve(delivery.data as RecordedEvent, tx),
    );
    await afterEffect(delivery);
  };
}

describe('outbox to JetStream while NATS goes down and comes back', () => {
  let nats: DedicatedNats;
  let connection: DatabaseConnection;
  let bus: JetStreamEventBus;
  let relay: OutboxRelay;
  /** The relay's failed attempts so far. */
  let failures = 0;

  beforeAll(async () => {
    nats = await startDedicatedNats();
    connection = await openMigratedPostgres();
    bus = await JetStreamEventBus.connect({ url: nats.url, publishTimeoutMs: 500 });
    await bus.ensureStream({ service: SERVICE, eventTypes: EVENT_TYPES });
    relay = relayTo(bus, connection, () => (failures += 1));
    relay.start();
  });

  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await connection.close();
    await nats.destroy();
  });

  it('publishes every event appended before, during and after the outage, once, in stream order', async () => {
    const store = new EventStore(connection.db, TEST_SCHEMA);
    const appendRound = async (round: string) => {
      for (let i = 0; i < 10; i++)
        await store.append(`order-${i % 3}`, [event(i ? 'Noted' : 'Opened', { round, i })], 'any');
    };
    await appendRound('before');
    await waitUntil(
      'the events before the outage are published',
      async () => (await unpublished(connection)) === 0,
    );

    await nats.stop();
    await appendRound('during');
    // Two attempts that found the events pending and NATS down; neither may have marked one published.
    const failed = failures;
    await waitUntil('the relay tried twice during the outage', () => failures >= failed + 2);
    expect(await unpublished(connection)).toBe(10);

    await nats.start();
    await appendRound('after');
    await waitUntil('every event is published', async () => (await unpublished(connection)) === 0);

    const received: Delivery[] = [];
    const consumer = await bus.consume(
      { service: SERVICE, durable: 'outage', filterSubject: `aftersales.${SERVICE}.>` },
      async (d) => void received.push(d),
    );
    await waitUntil('30 deliveries', () => received.length >= 30);
    await consumer.stop();
    // The stream holds 30 messages, so no copy is on its way to the consumer.
    expect(await bus.lastSequence(SERVICE)).toBe(30);
    await waitForSnapshotHorizon(connection.db);
    const stored = await store.readAll(START, 1_000);
    expect(received.map((d) => d.id)).toEqual(stored.map((e) => e.eventId));
    expect(new Set(received.map((d) => d.id)).size).toBe(30);
  });
});

describe.each([
  [
    'JetStream and PostgreSQL',
    async () => ({
      connection: await openMigratedPostgres(),
      openBus: (() => {
        const namespace = uniqueName('es');
        return async () => JetStreamEventBus.connect({ url: NATS_URL, namespace });
      })(),
    }),
  ],
  [
    'the in-process bus and PGlite',
    async () => {
      const connection = await openMigratedPglite();
      return { connection, openBus: async () => InProcessEventBus.open(connection) };
    },
  ],
])('delivery faults with %s', (_, setUp) => {
  let connection: DatabaseConnection;
  let openBus: () => Promise<EventBus>;
  let bus: EventBus;
  let store: EventStore;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    ({ connection, openBus } = await setUp());
    bus = await openBus();
    await bus.ensureStream({ service: SERVICE, eventTypes: EVENT_TYPES, duplicateWindowMs: 1_000 });
    store = new EventStore(connection.db, TEST_SCHEMA);
  });

  afterAll(async () => {
    for (const clean of cleanup.reverse()) await clean();
    await bus.close();
    await connection.close();
  });

  async function consume(durable: string, handler: (d: Delivery) => Promise<void>, onBus = bus) {
    const consumer: RunningConsumer = await onBus.consume(
      {
        service: SERVICE,
        durable,
        filterSubject: `aftersales.${SERVICE}.>`,
        ackWaitMs: 1_000,
        retryDelayMs: 50,
      },
      handler,
    );
    cleanup.push(() => consumer.stop());
    return consumer;
  }

  it('drops an event the outbox publishes again, and the consumer applies it once', async () => {
    const relay = relayTo(bus, connection);
    await store.append('order-r', [event('Opened'), event('Noted')], 'no_stream');
    while ((await relay.publishPending()) > 0);
    // As if the relay had died after publishing and before recording it.
    await connection.db.execute(sql`update ${sql.identifier(TEST_SCHEMA)}.outbox set published_at = null`);
    while ((await relay.publishPending()) > 0);
    // An event published after them arrives after any copy of them would, the stream being in order.
    await store.append('order-marker', [event('Noted')], 'no_stream');
    while ((await relay.publishPending()) > 0);
    const [marker] = await store.readStream('order-marker');
    const deliveries: Delivery[] = [];
    await consume('republished', summarizingHandler(connection, deliveries));
    await waitUntil('the marker event', () => deliveries.some((d) => d.id === marker!.eventId));
    expect(deliveries.filter((d) => d.id !== marker!.eventId).map((d) => d.id)).toEqual(
      (await store.readStream('order-r')).map((e) => e.eventId),
    );
  });

  it('stays idempotent when an event comes again long after the dedupe window', async () => {
    const [opened] = await store.readStream('order-r');
    const deliveries: Delivery[] = [];
    await consume('late', summarizingHandler(connection, deliveries));
    await waitUntil('the first delivery', () => deliveries.some((d) => d.id === opened!.eventId));
    // Published again until the bus no longer drops it as a duplicate: the dedupe window has passed.
    let again = { duplicate: true };
    await waitUntil('the dedupe window passed', async () => {
      again = await bus.publish({
        subject: eventSubject(SERVICE, 'Opened'),
        id: opened!.eventId,
        data: opened,
      });
      return !again.duplicate;
    });
    await waitUntil(
      'the second delivery',
      () => deliveries.filter((d) => d.id === opened!.eventId).length === 2,
    );
    expect(again.duplicate).toBe(false);
    expect(await readSummaries(connection.db)).toEqual([
      { stream_id: 'order-marker', event_count: 1, last_type: 'Noted' },
      { stream_id: 'order-r', event_count: 2, last_type: 'Noted' },
    ]);
  });

  it('delivers again after a crash between effect and ack, and the effect stays single', async () => {
    await store.append('order-c', [event('Opened')], 'no_stream');
    const [opened] = await store.readStream('order-c');
    await bus.publish({ subject: eventSubject(SERVICE, 'Opened'), id: opened!.eventId, data: opened });

    let crashed!: () => void;
    const hang = new Promise<void>((resolve) => (crashed = resolve));
    const firstLife: Delivery[] = [];
    const crashingBus = await openBus();
    const hangOnOpened = async (d: Delivery) => (d.id === opened!.eventId ? hang : undefined);
    await consume('crash', summarizingHandler(connection, firstLife, hangOnOpened), crashingBus);
    cleanup.push(async () => crashed());
    await waitUntil('the first life got the event', () => firstLife.some((d) => d.id === opened!.eventId));
    await waitUntil('its effect committed', async () =>
      (await readSummaries(connection.db)).some((r) => (r as { stream_id: string }).stream_id === 'order-c'),
    );
    // The process dies after the effect committed and before the ack went out.
    await crashingBus.close();

    const secondLife: Delivery[] = [];
    await consume('crash', summarizingHandler(connection, secondLife));
    await waitUntil('the second life got it again', () => secondLife.some((d) => d.id === opened!.eventId));
    expect(await readSummaries(connection.db)).toContainEqual({
      stream_id: 'order-c',
      event_count: 1,
      last_type: 'Opened',
    });
  });
});
