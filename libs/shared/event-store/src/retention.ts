import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long a service keeps the kit's bookkeeping; its events themselves stay for good. A published outbox
 * row is kept a week, so that a JetStream stream that lost its last messages in a crash can still be
 * published again; a processed-event record outlives by a month the year a stream keeps an event, so no
 * redelivery ever finds its record gone.
 */
export const retention = {
  publishedOutboxMs: 7 * DAY_MS,
  processedEventsMs: 395 * DAY_MS,
};

/** Deletes what the service keeps past `retention` as of `now`, and says how much went. */
export async function enforceRetention(
  db: Database,
  schema: string,
  now: Date,
): Promise<{ outbox: number; processedEvents: number }> {
  const s = sql.identifier(schema);
  const count = (result: unknown) => rowsOf<{ deleted: number }>(result)[0]?.deleted ?? 0;
  const outbox = count(
    await db.execute(sql`
      with deleted as (
        delete from ${s}.outbox
        where published_at < ${new Date(now.getTime() - retention.publishedOutboxMs).toISOString()}::timestamptz
        returning 1)
      select count(*)::int as deleted from deleted`),
  );
  const processedEvents = count(
    await db.execute(sql`
      with deleted as (
        delete from ${s}.processed_events
        where processed_at < ${new Date(now.getTime() - retention.processedEventsMs).toISOString()}::timestamptz
        returning 1)
      select count(*)::int as deleted from deleted`),
  );
  return { outbox, processedEvents };
}
