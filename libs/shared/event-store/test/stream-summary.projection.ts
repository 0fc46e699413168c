import { sql } from 'drizzle-orm';
import type { Database } from '@aftersales/shared-persistence';
import type { RecordedEvent } from '../src/envelope.js';
import type { Projection } from '../src/projection.js';

/** The tests' projection: per stream, how many events and the last event's type. */
export const streamSummaries: Projection = {
  name: 'stream_summaries',
  async apply(event: RecordedEvent, tx: Database) {
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
  const result = await db.execute(
    sql`select stream_id, event_count::int, last_type from es_test.stream_summaries order by stream_id`,
  );
  return (result as unknown as { rows: unknown[] }).rows;
}
