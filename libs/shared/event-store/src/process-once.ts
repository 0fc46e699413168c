import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';

/**
 * Applies `effect` for an event at most once per consumer, however often the bus redelivers it: the
 * processed-event row and the effect commit in one transaction, so a crash between effect and ack only
 * leads to a redelivery that changes nothing. Returns whether the effect ran.
 */
export async function processOnce(
  db: Database,
  schema: string,
  consumer: string,
  eventId: string,
  effect: (tx: Database) => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = rowsOf(
      await tx.execute(sql`
        insert into ${sql.identifier(schema)}.processed_events (consumer, event_id)
        values (${consumer}, ${eventId}::uuid)
        on conflict do nothing
        returning event_id`),
    );
    if (claimed.length === 0) return false;
    await effect(tx);
    return true;
  });
}
