import { sql } from 'drizzle-orm';
import { type EventStore, type Projection, ProjectionRunner } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { emptyEventStore, SCHEMA } from './database.js';
import { batchOf, median, newStreamId, runFor, sleep } from './workload.js';

const SAMPLE_EVERY_MS = 100;
// A runner with nothing to do polls; this is how long it waits before looking again.
const IDLE_POLL_MS = 10;

export interface LagResult {
  /** Events appended while the projection followed. */
  appended: number;
  maxLag: number;
  medianLag: number;
  /** From the last writer stopping to the projection having applied everything. */
  drainMs: number;
}

const table = sql`${sql.identifier(SCHEMA)}.bench_stream_counts`;

/** A small read model: how many events each stream has, one upsert per event. */
const streamCounts: Projection = {
  name: 'bench_stream_counts',
  async apply(event, tx) {
    await tx.execute(sql`
      insert into ${table} (stream_id, events) values (${event.streamId}, 1)
      on conflict (stream_id) do update set events = ${table}.events + 1`);
  },
  async reset(tx) {
    await tx.execute(sql`delete from ${table}`);
  },
};

/**
 * Appends 1-event commands for `loadMs` while a runner keeps the projection caught up, sampling
 * `runner.lag` every `SAMPLE_EVERY_MS`; then waits until the projection has drained.
 */
export async function projectionLag(db: Database, store: EventStore, loadMs: number): Promise<LagResult> {
  await emptyEventStore(db);
  await db.execute(sql`create table ${table} (stream_id text primary key, events integer not null)`);
  // The writers, the runner and the sampler take ten connections: the pool's default size, so none waits.
  const runner = new ProjectionRunner(db, store, SCHEMA);
  let appended = 0;
  let loadEnded: number | undefined;

  const load = async () => {
    await runFor(loadMs, async () => {
      await store.append(newStreamId(), batchOf(1), 'no_stream');
      appended++;
    });
    loadEnded = performance.now();
  };
  /** Keeps the projection caught up; returns the milliseconds it took to drain after the load. */
  const follow = async (): Promise<number> => {
    for (;;) {
      const started = performance.now();
      if ((await runner.catchUp(streamCounts)) > 0) continue;
      // Only a catch-up that began after the writers stopped proves that nothing is left.
      if (loadEnded !== undefined && started > loadEnded) return performance.now() - loadEnded;
      await sleep(IDLE_POLL_MS);
    }
  };
  const samples: number[] = [];
  const sample = async () => {
    while (loadEnded === undefined) {
      samples.push(await runner.lag(streamCounts));
      await sleep(SAMPLE_EVERY_MS);
    }
  };

  const [, drainMs] = await Promise.all([load(), follow(), sample()]);
  const left = await runner.lag(streamCounts);
  if (left !== 0) throw new Error(`The projection drained but lags ${left} events`);
  return { appended, maxLag: Math.max(...samples), medianLag: median(samples), drainMs };
}
