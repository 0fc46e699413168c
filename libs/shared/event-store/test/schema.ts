import { bigint, pgSchema, text } from 'drizzle-orm/pg-core';
import { eventSourcingTables } from '../src/tables.js';

/** A service schema for the event store's own tests: the shared tables plus one read model. */
export const testSchema = pgSchema('es_test');

export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(testSchema);

/** Read model of the projection tests: how many events each stream has, and of which last type. */
export const streamSummaries = testSchema.table('stream_summaries', {
  streamId: text('stream_id').primaryKey(),
  eventCount: bigint('event_count', { mode: 'number' }).notNull(),
  lastType: text('last_type').notNull(),
});
