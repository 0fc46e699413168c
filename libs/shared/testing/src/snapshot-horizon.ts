import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import { waitUntil } from './wait-until.js';

/**
 * Resolves once every transaction on the server that began before the call has ended. Reads in global
 * order (`readAll`, a projection's catch-up and lag) stop at the oldest open transaction of the whole
 * server, and other test files' transactions run beside this one: after this wait such a read sees
 * everything committed before the call. Every test that reads the global order waits this way.
 */
export async function waitForSnapshotHorizon(db: Database, ms = 20_000): Promise<void> {
  const [{ next }] = rowsOf<{ next: string }>(
    await db.execute(sql`select pg_snapshot_xmax(pg_current_snapshot())::text as next`),
  ) as [{ next: string }];
  await waitUntil(
    `every transaction older than ${next} has ended`,
    async () => {
      const [{ passed }] = rowsOf<{ passed: boolean }>(
        await db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${next}::xid8 as passed`),
      ) as [{ passed: boolean }];
      return passed;
    },
    ms,
  );
}
