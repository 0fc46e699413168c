import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { type Delivery, JetStreamEventBus, type RunningConsumer } from '@aftersales/shared-messaging';
import { type DatabaseConnection, rowsOf } from '@aftersales/shared-persistence';
import { NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { event, openMigratedPostgresReplicas, TEST_SCHEMA } from '../test/fixtures.js';
import { stallingBus } from '../test/stalling-bus.js';
import {
  eventApplications,
  readApplications,
  readSummaries,
  streamSummaries,
} from '../test/stream-summary.projection.js';
import type { NewEvent, RecordedEvent } from './envelope.js';
import { EventStore } from './event-store.js';
import { OutboxRelay } from './outbox-relay.js';
import { processOnce } from './process-once.js';

const SERVICE = 'lease';
const EVENTS = 2_000;
const STREAMS = 8;
// Long enough to cover a lease handing over, short enough that a stalled relay outlives it.
const DUPLICATE_WINDOW_MS = 3_000;
const relayOptions = { leaseMs: 400, idleMs: 20, maxBackoffMs: 200, batchSize: 100 };

const outbox = sql`${sql.identifier(TEST_SCHEMA)}.outbox`;

async function unpublished(db: DatabaseConnection['db']): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from ${outbox} where published_at is null`),
  );
  return row!.n;
}

describe('two relays on one outbox, publishing to JetStream', () => {
  const namespace = uniqueName('lease');
  const connect = () => JetStreamEventBus.connect({ url: NATS_URL, namespace, publishTimeoutMs: 1_000 });
  let replicas: DatabaseConnection[];
  let buses: JetStreamEventBus[];
  let consumer: RunningConsumer | undefined;

  beforeAll(async () => {
    replicas = await openMigratedPostgresReplicas(2);
    buses = await Promise.all([connect(), connect(), connect()]);
    await buses[0]!.ensureStream({
      service: SERVICE,
      eventTypes: ['Opened', 'Noted'],
      duplicateWindowMs: DUPLICATE_WINDOW_MS,
    });
  });

  afterAll(async () => {
    await consumer?.stop();
    await Promise.all(buses.map((bus) => bus.close()));
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('keep each stream in order at the consumer, each effect once, when one relay stalls past its lease', async () => {
    const [first, second] = replicas as [DatabaseConnection, DatabaseConnection];
    const [busA, busB, consumerBus] = buses as [JetStreamEventBus, JetStreamEventBus, JetStreamEventBus];

    const firstDeliveries: Delivery[] = [];
    consumer = await consumerBus.consume(
      { service: SERVICE, durable: 'effects', filterSubject: `aftersales.${SERVICE}.>` },
      async (delivery) => {
        const recorded = delivery.data as RecordedEvent;
        await processOnce(second.db, TEST_SCHEMA, 'effects', delivery.id, async (tx) => {
          await streamSummaries.evolve(recorded, tx);
          await eventApplications.evolve(recorded, tx);
        });
        if (delivery.deliveryCount === 1) firstDeliveries.push(delivery);
      },
    );

    // Relay A stalls on its 300th publish, for longer than its lease and the bus's duplicate window.
    const a = stallingBus(busA, (n) => n === 300);
    const relayA = new OutboxRelay(first.db, TEST_SCHEMA, a.bus, SERVICE, relayOptions);
    const relayB = new OutboxRelay(second.db, TEST_SCHEMA, busB, SERVICE, relayOptions);

    const store = new EventStore(first.db, TEST_SCHEMA);
    const appended = new Map<string, NewEvent[]>();
    const appender = (async () => {
      for (let i = 0; i < EVENTS / 5; i++) {
        const streamId = `s-${i % STREAMS}`;
        const batch = Array.from({ length: 5 }, (_, j) => event(i % STREAMS === j ? 'Opened' : 'Noted'));
        await store.append(streamId, batch, 'any');
        appended.set(streamId, [...(appended.get(streamId) ?? []), ...batch]);
      }
    })();

    relayA.start();
    await waitUntil('relay A holds the lease and publishes', () => a.publishes() > 0);
    relayB.start();

    const victim = await a.stalled();
    await waitUntil(
      'relay B published the stalled event, and the duplicate window has passed since',
      async () => {
        const [row] = rowsOf<{ passed: boolean }>(
          await second.db.execute(sql`
            select o.published_at + ${DUPLICATE_WINDOW_MS} * interval '1 millisecond' < now() as passed
            from ${outbox} o join ${sql.identifier(TEST_SCHEMA)}.events e on e.position = o.position
            where e.event_id = ${victim.id}::uuid`),
        );
        return row?.passed === true;
      },
      30_000,
    );
    // Whether the bus refuses the stale publish or stores it late shows in what the consumer receives.
    await a.release().catch(() => undefined);

    await appender;
    await waitUntil('the outbox is published', async () => (await unpublished(second.db)) === 0, 60_000);
    await Promise.all([relayA.stop(), relayB.stop()]);

    const stored = await consumerBus.lastSequence(SERVICE);
    await waitUntil('the consumer received all the stream holds', () => firstDeliveries.length >= stored);
    expect(stored).toBe(EVENTS);

    const deliveredPerStream = new Map<string, string[]>();
    for (const delivery of firstDeliveries) {
      const { streamId } = delivery.data as RecordedEvent;
      deliveredPerStream.set(streamId, [...(deliveredPerStream.get(streamId) ?? []), delivery.id]);
    }
    for (const [streamId, events] of appended) {
      expect({ streamId, ids: deliveredPerStream.get(streamId) }).toEqual({
        streamId,
        ids: events.map((e) => e.eventId),
      });
    }
    const applications = await readApplications(second.db);
    expect(applications.size).toBe(EVENTS);
    expect([...applications.values()].every((times) => times === 1)).toBe(true);
    expect(await readSummaries(second.db)).toEqual(
      [...appended]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([streamId, events]) => ({
          stream_id: streamId,
          event_count: events.length,
          last_type: events.at(-1)!.type,
        })),
    );
  });

  it('lets the batch in flight finish and record what it published when stopped', async () => {
    const [first] = replicas as [DatabaseConnection];
    const stalling = stallingBus(buses[0]!, (n) => n === 3);
    const relay = new OutboxRelay(first.db, TEST_SCHEMA, stalling.bus, SERVICE, relayOptions);
    await new EventStore(first.db, TEST_SCHEMA).append(
      'drained',
      Array.from({ length: 10 }, () => event('Noted')),
      'no_stream',
    );
    relay.start();
    await stalling.stalled();
    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    await expect(unpublished(first.db)).resolves.toBe(10);
    expect(stopped).toBe(false);
    await stalling.release();
    await stopping;
    await expect(unpublished(first.db)).resolves.toBe(0);
  });
});
