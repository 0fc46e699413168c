import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import type { RecordedEvent } from '../src/envelope.js';
import type { Projection } from '../src/projection.js';

/** The event types the tests' projections apply; any other type passes them by. */
export const PROJECTED_TYPES = ['Opened', 'Noted', 'Received', 'Repaired'] as const;

/** The tests' projection: per stream, how many events and the last event's type. */
export const streamSummaries: Projection = {
  name: 'stream_summaries',
  canHandle: PROJECTED_TYPES,
  async evolve(event: RecordedEvent, tx: Database) {
    await tx.execute(sql`
      insert into es_test.stream_summaries (stream_id, event_count, last_type)
      values (${event.streamId}, 1, ${event.type})
      on conflict (stream_id) do update
        set event_count = es_test.stream_summaries.event_count + 1, last_type = excluded.last_type`);
  },
  async reset(tx: Database) {
    await tx.execute(sql`delete from es_test.stream_summaries`);
  },
};

export async function readSummaries(db: Database) {
  return rowsOf(
    await db.execute(
      sql`select stream_id, event_count::int, last_type from es_test.stream_summaries order by stream_id`,
    ),
  );
}

/** The tests' second projection: how often each event was applied, which must be once. */
export const eventApplications: Projection = {
  name: 'event_applications',
  canHandle: PROJECTED_TYPES,
  async evolve(event: RecordedEvent, tx: Database) {
    await tx.execute(sql`
      insert into es_test.event_applications (event_id, applications) values (${event.eventId}::uuid, 1)
      on conflict (event_id) do update set applications = es_test.event_applications.applications + 1`);
  },
  async reset(tx: Database) {
    await tx.execute(sql`delete from es_test.event_applications`);
  },
};

/** Event id → how many times it was applied. */
export async function readApplications(db: Database): Promise<Map<string, number>> {
  const rows = rowsOf<{ event_id: string; applications: number }>(
    await db.execute(sql`select event_id::text, applications from es_test.event_applications`),
  );
  return new Map(rows.map((row) => [row.event_id, row.applications]));
}
