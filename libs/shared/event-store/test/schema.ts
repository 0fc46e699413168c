import { bigint, integer, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { eventSourcingTables } from '../src/tables.js';

/** A service schema for the event store's own tests: the shared tables plus two read models. */
export const testSchema = pgSchema('es_test');

export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(testSchema);

/** Read model of the projection tests: how many events each stream has, and of which last type. */
export const streamSummaries = testSchema.table('stream_summaries', {
  streamId: text('stream_id').primaryKey(),
  eventCount: bigint('event_count', { mode: 'number' }).notNull(),
  lastType: text('last_type').notNull(),
});

/** Read model that counts how often each event was applied: any count but 1 is a delivery defect. */
export const eventApplications = testSchema.table('event_applications', {
  eventId: uuid('event_id').primaryKey(),
  applications: integer('applications').notNull(),
});
