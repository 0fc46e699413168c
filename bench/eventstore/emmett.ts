import pg from 'pg';
import type { AppendTarget } from './appends.js';
import type { BenchEvent } from './workload.js';

export interface EmmettTarget extends AppendTarget {
  close(): Promise<void>;
}

/**
 * Emmett's PostgreSQL event store, in its own tables of the bench database, set up by its own migration.
 * Imported only here and only now: it is an optional dev dependency, and opening it replaces the `pg`
 * driver's global parsers (bigint, jsonb), so it must open after every measurement of ours that reads rows.
 */
export async function openEmmett(url: string): Promise<EmmettTarget> {
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const { STREAM_DOES_NOT_EXIST } = await import('@event-driven-io/emmett');
  // Our pool, not one Emmett makes: Emmett's has no error listener, so a connection the server ends (the
  // bench database dropped after Ctrl-C) would crash the process instead of being reported.
  const pool = new pg.Pool({ connectionString: url });
  pool.on('error', (error) => process.stderr.write(`Emmett's pool: ${error.message}\n`));
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  const close = async () => {
    await store.close();
    await pool.end();
  };
  try {
    await store.schema.migrate();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    appendNew: async (streamId, events) => {
      await store.appendToStream(streamId, events.map(toEmmett), {
        expectedStreamVersion: STREAM_DOES_NOT_EXIST,
      });
    },
    reset: () => store.schema.dangerous.truncate(),
    close,
  };
}

/** Emmett takes the event id as `metadata.messageId` and stores it in its own column, as we do. */
const toEmmett = (event: BenchEvent) => ({
  type: event.type,
  data: event.data,
  metadata: { messageId: event.eventId, ...event.metadata },
});
