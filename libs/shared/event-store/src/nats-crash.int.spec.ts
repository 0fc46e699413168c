import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
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

describe('a durable consumer whose state outlived the last messages of its stream in a NATS crash', () => {
  const durable = 'applications';
  let nats: DedicatedNats;
  let connection: DatabaseConnection;
  let relayBus: JetStreamEventBus;
  let consumerBus: JetStreamEventBus;
  let machine: ReturnType<typeof machineCrash>;
  let consumer: RunningConsumer | undefined;
  let relay: OutboxRelay;
  const losses: StreamLossError[] = [];
  /** Commits the append the test holds open, if any: the pool cannot close while it is. */
  let commitLate = async () => {};

  beforeAll(async () => {
    nats = await startDedicatedNats();
    machine = machineCrash(nats);
    connection = await openMigratedPostgres();
    relayBus = await JetStreamEventBus.connect({ url: nats.url, publishTimeoutMs: 1_000 });
    consumerBus = await JetStreamEventBus.connect({ url: nats.url });
    await relayBus.ensureStream({ service: SERVICE, eventTypes: ['Opened'] });
    relay = new OutboxRelay(connection.db, TEST_SCHEMA, relayBus, SERVICE, {
      idleMs: 20,
      maxBackoffMs: 500,
      onError: (error) => error instanceof StreamLossError && losses.push(error),
    });
  });

  afterAll(async () => {
    try {
      await commitLate();
      await relay.stop();
      await consumer?.stop();
      await relayBus.close();
      await consumerBus.close();
      await connection.close();
    } finally {
      machine.dispose();
      await nats.destroy();
    }
  });

  /** The consumer's position and its stream's end, read by a connection of the test's own. */
  async function positions(): Promise<{ streamEnd: number; delivered: number }> {
    const operator = await connect({ servers: nats.url });
    try {
      const jsm = await jetstreamManager(operator);
      const stream = await jsm.streams.find(`aftersales.${SERVICE}.Opened`);
      const { state } = await jsm.streams.info(stream);
      const { delivered } = await jsm.consumers.info(stream, durable);
      return { streamEnd: state.last_seq, delivered: delivered.stream_seq };
    } finally {
      await operator.close();
    }
  }

  it('applies every event once, also one published again at a sequence it had passed', async () => {
    const store = new EventStore(connection.db, TEST_SCHEMA);
    const ids: string[] = [];
    const consume = () =>
      consumerBus.consume(
        { service: SERVICE, durable, filterSubject: `aftersales.${SERVICE}.>` },
        async (delivery) => {
          await processOnce(connection.db, TEST_SCHEMA, durable, delivery.id, (tx) =>
            eventApplications.evolve(delivery.data as RecordedEvent, tx),
          );
        },
      );
    const applied = async (wanted: string[]) => {
      const applications = await readApplications(connection.db);
      return wanted.every((id) => applications.has(id));
    };
    const allApplied = () => applied(ids);
    const append = async (streamId: string) => {
      const opened = event('Opened');
      ids.push(opened.eventId);
      await store.append(streamId, [opened], 'any');
      relay.notify();
      return opened.eventId;
    };
    /**
     * After the sync, an append takes its position and commits only after a later one was published
     * and applied, with the relay stopped then (`commitLate`). The crash loses the later one, and the
     * relay publishes both again in position order: the late one at the sequence the consumer passed.
     */
    const appendBehindTheConsumer = async (round: number) => {
      machine.sync();
      let taken!: () => void;
      let commit!: () => void;
      const positionTaken = new Promise<void>((resolve) => (taken = resolve));
      const committing = store.transaction(async (tx) => {
        const late = event('Opened');
        ids.push(late.eventId);
        await tx.append(`late-${round}`, [late], 'any');
        taken();
        await new Promise<void>((resolve) => (commit = resolve));
      });
      await positionTaken;
      const early = await append(`early-${round}`);
      await waitUntil('the later append applied', () => applied([early]));
      await relay.stop();
      commitLate = async () => {
        commit();
        await committing;
        commitLate = async () => {};
      };
    };

    consumer = await consume();
    relay.start();
    for (let i = 0; i < 5; i++) await append(`s-${i}`);
    await waitUntil('the first events applied', allApplied);

    // The consuming service is down through the crash, and starts again after it.
    await appendBehindTheConsumer(1);
    await consumer.stop();
    await consumerBus.close();
    await machine.crashKeepingConsumers();
    const { streamEnd, delivered } = await positions();
    // The fault is real: the consumer had delivered past the end of the stream that came back.
    expect(delivered).toBeGreaterThan(streamEnd);
    await commitLate();
    consumerBus = await JetStreamEventBus.connect({ url: nats.url });
    consumer = await consume();
    relay.start();
    await waitUntil('every event applied after the consumer started again', allApplied);

    // The consumer runs through the crash, and reattaches when its connection is back.
    await appendBehindTheConsumer(2);
    await machine.crashKeepingConsumers();
    // Had the relay published past the consumer's position first, the consumer could not tell the loss.
    await waitUntil(
      'the consumer back within its stream',
      async () =>
        positions().then(
          (p) => p.delivered <= p.streamEnd,
          () => false,
        ),
      30_000,
    );
    await commitLate();
    relay.start();
    await waitUntil('every event applied after the reconnect', allApplied);

    expect(losses).toHaveLength(2);
    const applications = await readApplications(connection.db);
    expect(applications.size).toBe(ids.length);
    expect([...applications.values()].every((times) => times === 1)).toBe(true);
  }, 120_000);
});
