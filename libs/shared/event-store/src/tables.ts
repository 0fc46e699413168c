import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  type PgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * The event-sourcing tables of one service, in that service's schema. A service spreads them into its
 * Drizzle schema file, so that drizzle-kit writes them into the service's own migrations.
 */
export function eventSourcingTables(schema: PgSchema) {
  /** One row per stream: its version, bumped under the row lock by every append. */
  const streams = schema.table('streams', {
    streamId: text('stream_id').primaryKey(),
    version: integer('version').notNull(),
  });

  const events = schema.table(
    'events',
    {
      position: bigint('position', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
      // The appending transaction: readers take only rows of transactions older than every open one.
      transactionId: xid8('transaction_id')
        .notNull()
        .default(sql`pg_current_xact_id()`),
      streamId: text('stream_id').notNull(),
      version: integer('version').notNull(),
      eventId: uuid('event_id').notNull().unique('events_event_id_unique'),
      type: text('type').notNull(),
      data: jsonb('data').notNull(),
      metadata: jsonb('metadata').notNull(),
      recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      unique('events_stream_version_unique').on(t.streamId, t.version),
      index('events_transaction_position_idx').on(t.transactionId, t.position),
    ],
  );

  /** Events still to be published; a row is written in the same statement as its event. */
  const outbox = schema.table(
    'outbox',
    {
      position: bigint('position', { mode: 'bigint' }).primaryKey(),
      publishedAt: timestamp('published_at', { withTimezone: true }),
      // Where the bus acknowledged storing the event: a stream that ends before it has lost the event.
      streamSequence: bigint('stream_sequence', { mode: 'bigint' }),
    },
    (t) => [
      index('outbox_unpublished_idx')
        .on(t.position)
        .where(sql`published_at is null`),
      index('outbox_stream_sequence_idx').on(t.streamSequence),
    ],
  );

  /** Events a consumer has applied, written in the transaction of the effect. */
  const processedEvents = schema.table(
    'processed_events',
    {
      consumer: text('consumer').notNull(),
      eventId: uuid('event_id').notNull(),
      processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
  );

  /** Where each projection stands, written in the transaction of its read-model change. */
  const projectionCheckpoints = schema.table('projection_checkpoints', {
    projection: text('projection').primaryKey(),
    transactionId: xid8('transaction_id').notNull(),
    position: bigint('position', { mode: 'bigint' }).notNull(),
  });

  /** The lease of the one relay that publishes the outbox, so that replicas keep each stream's order. */
  const outboxRelay = schema.table('outbox_relay', {
    id: integer('id').primaryKey(),
    holder: text('holder').notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
  });

  return { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints };
}
