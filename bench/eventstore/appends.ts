import { sql } from 'drizzle-orm';
import type { EventStore } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { emptyEventStore, SCHEMA } from './database.js';
import { batchOf, type BenchEvent, median, newStreamId, type Plan, runCount } from './workload.js';

/** Something that stores a batch of events as a new stream: our store and the baselines alike. */
export interface AppendTarget {
  appendNew(streamId: string, events: BenchEvent[]): Promise<void>;
  /** Empties the tables, so that every measurement starts from the same state. */
  reset(): Promise<void>;
}

export const SHAPES = {
  single: { label: '1 event', size: 1 },
  batch: { label: '10 events', size: 10 },
} as const;

export type Shape = keyof typeof SHAPES;

/** Events per second by shape of append. */
export type AppendResults = Record<Shape, number>;

/** Events per second of `plan.count` appends of `batchSize` events, each to a new stream. */
async function appendThroughput(target: AppendTarget, batchSize: number, plan: Plan): Promise<number> {
  await target.reset();
  const run = (count: number) => runCount(count, () => target.appendNew(newStreamId(), batchOf(batchSize)));
  await run(plan.warmup);
  const milliseconds = await run(plan.count);
  return (plan.count * batchSize * 1000) / milliseconds;
}

/**
 * Measures every target on every shape, `rounds` times, the targets taking turns so that a disturbance on
 * the machine (a checkpoint, autovacuum) does not fall on one of them alone; keeps each one's median.
 */
export async function compareAppends<Name extends string>(
  targets: Record<Name, AppendTarget>,
  plans: Record<Shape, Plan>,
  rounds: number,
): Promise<Record<Name, AppendResults>> {
  const names = Object.keys(targets) as Name[];
  const shapes = Object.keys(SHAPES) as Shape[];
  const samples: { name: Name; shape: Shape; eventsPerSecond: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const shape of shapes) {
      for (const name of names) {
        const eventsPerSecond = await appendThroughput(targets[name], SHAPES[shape].size, plans[shape]);
        samples.push({ name, shape, eventsPerSecond });
      }
    }
  }
  const medianOf = (name: Name, shape: Shape) =>
    median(samples.filter((s) => s.name === name && s.shape === shape).map((s) => s.eventsPerSecond));
  const results = names.map((name) => [
    name,
    { single: medianOf(name, 'single'), batch: medianOf(name, 'batch') },
  ]);
  return Object.fromEntries(results) as Record<Name, AppendResults>;
}

export function eventStoreTarget(store: EventStore, db: Database): AppendTarget {
  return {
    appendNew: async (streamId, events) => {
      await store.append(streamId, events, 'no_stream');
    },
    reset: () => emptyEventStore(db),
  };
}

/**
 * The floor under any event store: the same rows in a table with nothing to check but a bigserial key,
 * one INSERT per append, sent through the same pool and driver as our store.
 */
export async function plainInsertTarget(db: Database): Promise<AppendTarget> {
  const table = sql`${sql.identifier(SCHEMA)}.plain_events`;
  await db.execute(sql`
    create table ${table} (
      id bigserial primary key, stream_id text, version integer, event_id uuid, type text, data jsonb, metadata jsonb
    )`);
  return {
    appendNew: async (streamId, events) => {
      const rows = events.map(
        (e, i) =>
          sql`(${streamId}, ${i + 1}, ${e.eventId}, ${e.type}, ${JSON.stringify(e.data)}, ${JSON.stringify(e.metadata)})`,
      );
      await db.execute(sql`
        insert into ${table} (stream_id, version, event_id, type, data, metadata) values ${sql.join(rows, sql`, `)}`);
    },
    reset: async () => {
      await db.execute(sql`truncate ${table}`);
    },
  };
}
