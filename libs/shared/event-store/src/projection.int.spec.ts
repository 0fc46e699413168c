import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseConnection } from '@aftersales/shared-persistence';
import { backends, event, TEST_SCHEMA } from '../test/fixtures.js';
import { readSummaries, streamSummaries } from '../test/stream-summary.projection.js';
import { START } from './envelope.js';
import { EventStore } from './event-store.js';
import { ProjectionRunner } from './projection.js';

describe.each(backends)('projections on %s', (_, open) => {
  let connection: DatabaseConnection;
  let store: EventStore;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    connection = await open();
    store = new EventStore(connection.db, TEST_SCHEMA);
    runner = new ProjectionRunner(connection.db, store, TEST_SCHEMA, 7);
  });

  afterAll(() => connection.close());

  it('applies each event once as it follows the store, and reports how far behind it is', async () => {
    for (let i = 0; i < 10; i++) await store.append(`order-${i % 3}`, [event('Opened')], 'any');
    await expect(runner.lag(streamSummaries)).resolves.toBe(10);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(10);
    await expect(runner.lag(streamSummaries)).resolves.toBe(0);
    await store.append('order-1', [event('Noted'), event('Received')], 'any');
    await expect(runner.lag(streamSummaries)).resolves.toBe(2);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(2);
    await expect(runner.catchUp(streamSummaries)).resolves.toBe(0);
    expect(await readSummaries(connection.db)).toEqual([
      { stream_id: 'order-0', event_count: 4, last_type: 'Opened' },
      { stream_id: 'order-1', event_count: 5, last_type: 'Received' },
      { stream_id: 'order-2', event_count: 3, last_type: 'Opened' },
    ]);
  });

  it('rebuilds from the first event into the same read model as the live run', async () => {
    for (let i = 0; i < 25; i++) {
      await store.append(`order-${i % 4}`, [event(i % 2 ? 'Noted' : 'Repaired')], 'any');
      if (i % 5 === 0) await runner.catchUp(streamSummaries);
    }
    await runner.catchUp(streamSummaries);
    const live = await readSummaries(connection.db);
    const stored = (await store.readAll(START, 100_000)).length;
    await expect(runner.rebuild(streamSummaries)).resolves.toBe(stored);
    expect(await readSummaries(connection.db)).toEqual(live);
    await expect(runner.lag(streamSummaries)).resolves.toBe(0);
  });
});
