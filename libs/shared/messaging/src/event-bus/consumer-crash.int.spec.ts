import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { type DatabaseConnection, openPostgres, rowsOf } from '@aftersales/shared-persistence';
import {
  type ChildScript,
  createTestDatabase,
  NATS_URL,
  startScript,
  uniqueName,
  waitUntil,
  workspaceRoot,
} from '@aftersales/shared-testing';
import { eventSubject } from './event-bus.js';
import { JetStreamEventBus } from './jetstream-event-bus.js';

const CONSUMER = fileURLToPath(new URL('../../test/consumer-process.js', import.meta.url));
const SCHEMA = 'crash_test';
const SERVICE = 'ledger';
const EVENTS = 1_000;

describe('a consuming service killed with SIGKILL mid-batch and started again', () => {
  const namespace = uniqueName('crash');
  const subject = eventSubject(SERVICE, 'Counted');
  const lives: ChildScript[] = [];
  let databaseUrl: string;
  let connection: DatabaseConnection;
  let bus: JetStreamEventBus;
  /** Reads the consumer's state on the server, beside the lives under test. */
  let operator: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('crash');
    connection = await openPostgres(databaseUrl);
    // processed_events as the event store's tables have it; the read model keeps one row per effect
    // applied, with no key, so an effect applied twice shows as two rows.
    await connection.db.execute(
      sql.raw(`
      create schema ${SCHEMA};
      create table ${SCHEMA}.processed_events (
        consumer text not null,
        event_id uuid not null,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id));
      create table ${SCHEMA}.applied_events (event_id uuid not null, life int not null);`),
    );
    bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace });
    await bus.ensureStream({ service: SERVICE, eventTypes: ['Counted'] });
    operator = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(operator);
  });

  afterAll(async () => {
    for (const life of lives) await life.kill();
    await bus.close();
    for (const stream of [subject, 'aftersales.deadletter.any'])
      await jsm.streams.delete(await jsm.streams.find(`${namespace}.${stream}`));
    await operator.close();
    await connection.close();
  });

  function startLife(env: Record<string, string> = {}): ChildScript {
    const life = startScript(CONSUMER, {
      ...env,
      NATS_URL,
      NATS_NAMESPACE: namespace,
      DATABASE_URL: databaseUrl,
      CONSUMER_SERVICE: SERVICE,
      CONSUMER_FILTER: subject,
      CONSUMER_DURABLE: 'ledger_totals',
      CONSUMER_SCHEMA: SCHEMA,
      CONSUMER_LIFE: String(lives.length + 1),
    });
    lives.push(life);
    return life;
  }

  const appliedIds = (lines: string[]) =>
    lines.filter((line) => line.startsWith('applied ')).map((line) => line.slice('applied '.length));

  it(`applies each of ${EVENTS} events exactly once`, async () => {
    const ids = Array.from({ length: EVENTS }, () => randomUUID());
    for (const [n, id] of ids.entries()) await bus.publish({ subject, id, data: { n } });

    // Killed by the test at a moment it observes, wherever in the handling of a message that lands.
    const first = startLife();
    await first.until('200 effects applied', (lines) => appliedIds(lines).length >= 200);
    await first.kill();
    expect(first.lines()).toContain(
      `consuming with file://${workspaceRoot}libs/shared/messaging/dist/index.js`,
    );
    // Killed by itself right after an effect committed and before its ack, the worst moment, every time.
    const second = startLife({ CONSUMER_CRASH_AFTER: '250' });
    expect(await second.ended).toBe('SIGKILL');
    const crashedOn = appliedIds(second.lines()).at(-1);
    const third = startLife();
    await third.until('250 effects applied', (lines) => appliedIds(lines).length >= 250);
    await third.kill();
    expect(third.lines()).toContain(`skipped ${crashedOn}`);
    startLife();
    const stream = await jsm.streams.find(`${namespace}.${subject}`);
    await waitUntil(
      'every event acknowledged',
      async () => {
        const info = await jsm.consumers.info(stream, 'ledger_totals');
        return info.num_pending === 0 && info.num_ack_pending === 0;
      },
      60_000,
    );

    const rows = rowsOf<{ event_id: string; life: number }>(
      await connection.db.execute(sql.raw(`select event_id, life from ${SCHEMA}.applied_events`)),
    );
    const times = new Map<string, number>();
    for (const row of rows) times.set(row.event_id, (times.get(row.event_id) ?? 0) + 1);
    expect([...times].filter(([, n]) => n > 1)).toEqual([]);
    expect(ids.filter((id) => !times.has(id))).toEqual([]);
    expect(rows).toHaveLength(EVENTS);
    // Every life did part of the work: each kill came mid-run.
    expect(new Set(rows.map((row) => row.life)).size).toBe(lives.length);
  }, 180_000);
});
