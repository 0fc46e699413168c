import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { JetStreamEventBus, type RunningConsumer } from '@aftersales/shared-messaging';
import { type DatabaseConnection, rowsOf } from '@aftersales/shared-persistence';
import { type DedicatedNats, machineCrash, startDedicatedNats, waitUntil } from '@aftersales/shared-testing';
import { event, openMigratedPostgres, TEST_SCHEMA } from '../test/fixtures.js';
import {
  eventApplications,
  readApplications,
  readSummaries,
  streamSummaries,
} from '../test/stream-summary.projection.js';
import type { NewEvent, RecordedEvent } from './envelope.js';
import { EventStore } from './event-store.js';
import { OutboxRelay, StreamLossError } from './outbox-relay.js';
import { processOnce } from './process-once.js';

const SERVICE = 'crash';
const EVENTS = 1_000;
const STREAMS = 7;
const CRASHES = 3;

const outbox = sql`${sql.identifier(TEST_SCHEMA)}.outbox`;

describe('outbox to JetStream while the NATS machine crashes', () => {
  let nats: DedicatedNats;
  let connection: DatabaseConnection;
  let relayBus: JetStreamEventBus;
  let consumerBus: JetStreamEventBus;
  let consumer: RunningConsumer | undefined;
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    nats = await startDedicatedNats();
    connection = await openMigratedPostgres();
    relayBus = await JetStreamEventBus.connect({ url: nats.url, publishTimeoutMs: 1_000 });
    consumerBus = await JetStreamEventBus.connect({ url: nats.url });
    await relayBus.ensureStream({ service: SERVICE, eventTypes: ['Opened', 'Noted'] });
  });

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await relayBus.close();
    await consumerBus.close();
    await connection.close();
    await nats.destroy();
  });

  async function count(condition: ReturnType<typeof sql>): Promise<number> {
    const [row] = rowsOf<{ n: number }>(
      await connection.db.execute(sql`select count(*)::int as n from ${outbox} where ${condition}`),
    );
    return row!.n;
  }

  it('delivers all 1,000 events, each effect once, through three crashes that lose acknowledged messages', async () => {
    const seen = new Set<string>();
    consumer = await consumerBus.consume(
      { service: SERVICE, durable: 'summaries', filterSubject: `aftersales.${SERVICE}.>`, ackWaitMs: 2_000 },
      async (delivery) => {
        const recorded = delivery.data as RecordedEvent;
        await processOnce(connection.db, TEST_SCHEMA, 'summaries', delivery.id, async (tx) => {
          await streamSummaries.evolve(recorded, tx);
          await eventApplications.evolve(recorded, tx);
        });
        seen.add(delivery.id);
      },
    );
    const losses: StreamLossError[] = [];
    relay = new OutboxRelay(connection.db, TEST_SCHEMA, relayBus, SERVICE, {
      idleMs: 20,
      maxBackoffMs: 500,
      batchSize: 50,
      onError: (error) => error instanceof StreamLossError && losses.push(error),
    });
    relay.start();

    const store = new EventStore(connection.db, TEST_SCHEMA);
    const appended = new Map<string, NewEvent[]>();
    // Appends keep a little ahead of the relay, so that they go on through the crashes.
    const appender = (async () => {
      for (let i = 0; i < EVENTS / 5; i++) {
        const streamId = `s-${i % STREAMS}`;
        const batch = Array.from({ length: 5 }, (_, j) => event(j === 0 ? 'Opened' : 'Noted'));
        await store.append(streamId, batch, 'any');
        appended.set(streamId, [...(appended.get(streamId) ?? []), ...batch]);
        relay!.notify();
        await waitUntil('the relay keeps up', async () => (await count(sql`published_at is null`)) < 100);
      }
    })();

    const machine = machineCrash(nats);
    for (let crash = 1; crash <= CRASHES; crash++) {
      const published = sql`published_at is not null`;
      await waitUntil('the relay publishes', async () => (await count(published)) >= crash * 250 - 150);
      machine.sync();
      await waitUntil('more is acknowledged', async () => (await count(published)) >= crash * 250);
      await machine.crash();
      // The fault is real: the stream came back without messages it had acknowledged.
      await waitUntil('the relay finds the loss', () => losses.length >= crash);
    }
    machine.dispose();
    await appender;

    const ids = [...appended.values()].flat().map((e) => e.eventId);
    await waitUntil('the consumer saw every event', () => ids.every((id) => seen.has(id)), 90_000);
    expect(losses.length).toBeGreaterThanOrEqual(CRASHES);
    const applications = await readApplications(connection.db);
    expect(applications.size).toBe(EVENTS);
    expect([...applications.values()].every((times) => times === 1)).toBe(true);
    expect(await readSummaries(connection.db)).toEqual(
      [...appended]
        .sort(([x], [y]) => x.localeCompare(y))
        .map(([streamId, events]) => ({
          stream_id: streamId,
          event_count: events.length,
          last_type: events.at(-1)!.type,
        })),
    );
  }, 180_000);
});
