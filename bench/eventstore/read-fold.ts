import pg from 'pg';
import { type Decider, type DomainEvent, fold } from '@aftersales/shared-decider';
import type { EventStore } from '@aftersales/shared-event-store';
import { percentile } from '../shared/stats.js';
import { SCHEMA } from './database.js';
import { batchOf, newStreamId, type Plan } from './workload.js';

export const STREAM_LENGTH = 1000;
const APPEND_SIZE = 100;

/** Milliseconds to read and fold the stream once, by one reader at a time. */
export interface Latency {
  p50: number;
  p99: number;
}

export interface ReadFoldResult {
  ours: Latency;
  /** The same rows through a plain `pg` client and the same fold: the floor under `readStream`. */
  raw: Latency;
}

type RepairNoted = DomainEvent<'BenchRepairNoted', { note: string }>;

/** A decider's state kept as cheaply as possible, so that the read dominates what is measured. */
const repairNotes: Pick<
  Decider<never, RepairNoted, { notes: number; last: string }>,
  'evolve' | 'initialState'
> = {
  initialState: { notes: 0, last: '' },
  evolve: (state, event) => ({ notes: state.notes + 1, last: event.data.note }),
};

/**
 * What `EventStore.readStream` sends, written out by hand: the same columns, filter and order, so that the
 * difference is our store's query building, driver path and row mapping, not the rows.
 */
const RAW_READ_SQL = `select position::text, transaction_id::text, stream_id, version, event_id::text, type, data,
  metadata from ${SCHEMA}.events where stream_id = $1 and version >= $2 order by version`;

/**
 * p50 and p99 of reading one `STREAM_LENGTH`-event stream and folding it through `fold`, once through our
 * store and once through a plain `pg` client on a connection of its own, taking turns so that a disturbance
 * on the machine falls on both alike.
 */
export async function readAndFold(store: EventStore, url: string, plan: Plan): Promise<ReadFoldResult> {
  const streamId = newStreamId();
  for (let version = 0; version < STREAM_LENGTH; version += APPEND_SIZE) {
    await store.append(streamId, batchOf(APPEND_SIZE), version === 0 ? 'no_stream' : version);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const readers = {
      ours: async () => fold(repairNotes, await store.readStream<RepairNoted>(streamId)),
      raw: async () => fold(repairNotes, (await client.query<RepairNoted>(RAW_READ_SQL, [streamId, 1])).rows),
    };
    const timings = { ours: [] as number[], raw: [] as number[] };
    for (let i = 0; i < plan.warmup + plan.count; i++) {
      // Each goes first every other time: neither always reads right after the other warmed the caches.
      for (const name of i % 2 === 0 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const)) {
        const started = performance.now();
        const state = await readers[name]();
        const milliseconds = performance.now() - started;
        // A wrong read would look fast: check that the whole stream came back, its data parsed.
        if (state.notes !== STREAM_LENGTH || typeof state.last !== 'string')
          throw new Error(`${name} read ${state.notes} of ${STREAM_LENGTH} events, last note ${state.last}`);
        if (i >= plan.warmup) timings[name].push(milliseconds);
      }
    }
    const latency = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
    return { ours: latency(timings.ours), raw: latency(timings.raw) };
  } finally {
    await client.end();
  }
}
