import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
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
} from '@aftersales/shared-testing';
import { event, openMigratedPglite, openMigratedPostgres, TEST_SCHEMA } from '../test/fixtures.js';
import { readSummaries, streamSummaries } from '../test/stream-summary.projection.js';
import { type RecordedEvent, START } from './envelope.js';
import { EventStore } from './event-store.js';
import { OutboxRelay } from './outbox-relay.js';
import { processOnce } from './process-once.js';

const SERVICE = 'estest';
const EVENT_TYPES = ['Opened', 'Noted'];

function relayTo(bus: EventBus, connection: DatabaseConnection) {
  return new OutboxRelay(connection.db, TEST_SCHEMA, bus, SERVICE, {
    idleMs: 20,
    maxBackoffMs: 200,
    batchSize: 7,
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

async function until(condition: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
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

  beforeAll(async () => {
    nats = await startDedicatedNats();
    connection = await openMigratedPostgres();
    bus = await JetStreamEventBus.connect({ url: nats.url, publishTimeoutMs: 500 });
    await bus.ensureStream({ service: SERVICE, eventTypes: EVENT_TYPES });
    relay = relayTo(bus, connection);
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
    await until(async () => (await unpublished(connection)) === 0);

    await nats.stop();
    await appendRound('during');
    await sleep(300);
    expect(await unpublished(connection)).toBe(10);

    await nats.start();
    await appendRound('after');
    await until(async () => (await unpublished(connection)) === 0);

    const received: Delivery[] = [];
    const consumer = await bus.consume(
      { service: SERVICE, durable: 'outage', filterSubject: `aftersales.${SERVICE}.>` },
      async (d) => void received.push(d),
    );
    await until(() => received.length >= 30);
    await sleep(200);
    await consumer.stop();
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
    const deliveries: Delivery[] = [];
    await consume('republished', summarizingHandler(connection, deliveries));
    await until(() => deliveries.length >= 2);
    await sleep(300);
    expect(deliveries.map((d) => d.id)).toEqual((await store.readStream('order-r')).map((e) => e.eventId));
  });

  it('stays idempotent when an event comes again long after the dedupe window', async () => {
    const [opened] = await store.readStream('order-r');
    const deliveries: Delivery[] = [];
    await consume('late', summarizingHandler(connection, deliveries));
    await until(() => deliveries.some((d) => d.id === opened!.eventId));
    await sleep(1_200);
    const again = await bus.publish({
      subject: eventSubject(SERVICE, 'Opened'),
      id: opened!.eventId,
      data: opened,
    });
    await until(() => deliveries.filter((d) => d.id === opened!.eventId).length === 2);
    expect(again.duplicate).toBe(false);
    expect(await readSummaries(connection.db)).toEqual([
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
    await until(() => firstLife.some((d) => d.id === opened!.eventId));
    await until(async () =>
      (await readSummaries(connection.db)).some((r) => (r as { stream_id: string }).stream_id === 'order-c'),
    );
    // The process dies after the effect committed and before the ack went out.
    await crashingBus.close();

    const secondLife: Delivery[] = [];
    await consume('crash', summarizingHandler(connection, secondLife));
    await until(() => secondLife.some((d) => d.id === opened!.eventId));
    expect(await readSummaries(connection.db)).toContainEqual({
      stream_id: 'order-c',
      event_count: 1,
      last_type: 'Opened',
    });
  });
});
