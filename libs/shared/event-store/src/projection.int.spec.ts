import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseConnection } from '@aftersales/shared-persistence';
import { waitForSnapshotHorizon, waitUntil } from '@aftersales/shared-testing';
import { backends, event, openMigratedPostgresReplicas, TEST_SCHEMA } from '../test/fixtures.js';
import {
  eventApplications,
  readApplications,
  readSummaries,
  streamSummaries,
} from '../test/stream-summary.projection.js';
import { START } from './envelope.js';
import { EventStore } from './event-store.js';
import { type Projection, ProjectionRunner } from './projection.js';

describe.each(backends)('projections on %s', (_, open) => {
  let connection: DatabaseConnection;
  let store: EventStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    connection = await open();
    store = new EventStore(connection.db, TEST_SCHEMA);
    runner = new ProjectionRunner(connection.db, TEST_SCHEMA, { batchSize: 7 });
  });

  afterAll(() => connection.close());

  it('applies each event once as it follows the store, and reports how far behind it is', async () => {
    for (let i = 0; i < 10; i++) await store.append(`order-${i % 3}`, [event('Opened')], 'any');
    await waitForSnapshotHorizon(connection.db);
    await expect(runner.lag(streamSummaries)).resolves.toBe(10);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(10);
    await expect(runner.lag(streamSummaries)).resolves.toBe(0);
    await store.append('order-1', [event('Noted'), event('Received')], 'any');
    await waitForSnapshotHorizon(connection.db);
    await expect(runner.lag(streamSummaries)).resolves.toBe(2);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(2);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(0);
    expect(await readSummaries(connection.db)).toEqual([
      { stream_id: 'order-0', event_count: 4, last_type: 'Opened' },
      { stream_id: 'order-1', event_count: 5, last_type: 'Received' },
      { stream_id: 'order-2', event_count: 3, last_type: 'Opened' },
    ]);
  });

  it('applies a transaction of more events than a batch holds once each, in position order', async () => {
    const appended = Array.from({ length: 12 }, (_, i) => event(i === 11 ? 'Repaired' : 'Noted'));
    await store.append('order-t', appended, 'no_stream');
    await waitForSnapshotHorizon(connection.db);
    await runner.catchUp(eventApplications);
    await runner.catchUp(streamSummaries);
    const applications = await readApplications(connection.db);
    expect(appended.map((e) => applications.get(e.eventId))).toEqual(appended.map(() => 1));
    expect(await readSummaries(connection.db)).toContainEqual({
      stream_id: 'order-t',
      event_count: 12,
      last_type: 'Repaired',
    });
  });

  it('goes past the event types it does not handle without applying them', async () => {
    await store.append('order-1', [event('Archived'), event('Noted'), event('Archived')], 'any');
    await waitForSnapshotHorizon(connection.db);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(3);
    await expect(runner.lag(streamSummaries)).resolves.toBe(0);
    expect(await readSummaries(connection.db)).toContainEqual({
      stream_id: 'order-1',
      event_count: 6,
      last_type: 'Noted',
    });
  });

  it('rebuilds from the first event into the same read model as the live run', async () => {
    for (let i = 0; i < 25; i++) {
      await store.append(`order-${i % 4}`, [event(i % 2 ? 'Noted' : 'Repaired')], 'any');
      if (i % 5 === 0) await runner.catchUp(streamSummaries);
    }
    await waitForSnapshotHorizon(connection.db);
    await runner.catchUp(streamSummaries);
    const live = await readSummaries(connection.db);
    const stored = (await store.readAll(START, 100_000)).length;
    await expect(runner.rebuild(streamSummaries)).resolves.toBe(stored);
    expect(await readSummaries(connection.db)).toEqual(live);
    await expect(runner.lag(streamSummaries)).resolves.toBe(0);
  });

  it('keeps started projections caught up, and lets the batch in flight commit when stopped', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const held: Projection = {
      ...eventApplications,
      async evolve(e, tx) {
        if ((e.data as { hold?: boolean }).hold) {
          holding = true;
          await released;
        }
        await eventApplications.evolve(e, tx);
      },
    };
    const following = new ProjectionRunner(connection.db, TEST_SCHEMA, { batchSize: 7, idleMs: 60_000 });
    following.start([streamSummaries, held]);

    const appended = [event('Opened'), event('Noted')];
    await store.append('order-s', appended, 'no_stream');
    following.notify();
    await waitUntil('both started projections applied the append', async () => {
      const applications = await readApplications(connection.db);
      const summaries = await readSummaries(connection.db);
      return (
        appended.every((e) => applications.has(e.eventId)) &&
        summaries.some((row) => (row as { stream_id: string }).stream_id === 'order-s')
      );
    });
    const applied = await readApplications(connection.db);
    expect(appended.map((e) => applied.get(e.eventId))).toEqual([1, 1]);
    expect(await readSummaries(connection.db)).toContainEqual({
      stream_id: 'order-s',
      event_count: 2,
      last_type: 'Noted',
    });

    const inFlight = event('Noted', { hold: true });
    await store.append('order-s', [inFlight], 2);
    following.notify();
    await waitUntil('a batch is in flight', () => holding);
    let stopped = false;
    const stopping = following.stop().then(() => (stopped = true));
    // No query while the batch is held: on PGlite its transaction has the only connection.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await readApplications(connection.db)).get(inFlight.eventId)).toBe(1);
    await expect(runner.lag(held)).resolves.toBe(0);
  });
});

// Two runners need two connections at once: PGlite has one, so this runs on the server only.
describe('two runners of one projection (PostgreSQL)', () => {
  const EVENTS = 5_000;
  let replicas: DatabaseConnection[];

  beforeAll(async () => {
    replicas = await openMigratedPostgresReplicas(2);
  });

  afterAll(() => Promise.all(replicas.map((replica) => replica.close())));

  it('apply each of 5,000 events exactly once while they are appended', async () => {
    const [first, second] = replicas as [DatabaseConnection, DatabaseConnection];
    const store = new EventStore(first.db, TEST_SCHEMA);
    const runners = replicas.map((r) => new ProjectionRunner(r.db, TEST_SCHEMA, { batchSize: 25 }));
    const appendedIds: string[] = [];
    let appending = true;
    const appender = (async () => {
      for (let i = 0; i < EVENTS / 10; i++) {
        const batch = Array.from({ length: 10 }, (_, j) => event(j % 2 ? 'Noted' : 'Opened'));
        await store.append(`order-${i % 17}`, batch, 'any');
        appendedIds.push(...batch.map((e) => e.eventId));
      }
      appending = false;
    })();
    const follow = (runner: ProjectionRunner) =>
      (async () => {
        while (appending) await runner.catchUp(eventApplications);
      })();
    await Promise.all([appender, ...runners.map(follow)]);
    await waitForSnapshotHorizon(second.db);
    await Promise.all(runners.map((runner) => runner.catchUp(eventApplications)));

    const applications = await readApplications(second.db);
    expect(applications.size).toBe(EVENTS);
    expect([...applications].filter(([, times]) => times !== 1)).toEqual([]);
    expect(appendedIds.filter((id) => !applications.has(id))).toEqual([]);
    await expect(runners[1]!.lag(eventApplications)).resolves.toBe(0);
  });
});
