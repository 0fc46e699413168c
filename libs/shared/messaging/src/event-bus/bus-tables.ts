import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** The in-process event bus keeps its streams in the embedded database, so nothing is lost on a crash. */
export const busSchema = pgSchema('bus');

export const busMessages = busSchema.table(
  'messages',
  {
    seq: bigint('seq', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    stream: text('stream').notNull(),
    subject: text('subject').notNull(),
    messageId: text('message_id').notNull(),
    data: jsonb('data').notNull(),
    storedAt: timestamp('stored_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('messages_stream_message_id_idx').on(t.stream, t.messageId)],
);

export const busConsumers = busSchema.table('consumers', {
  durable: text('durable').primaryKey(),
  stream: text('stream').notNull(),
  ackedSeq: bigint('acked_seq', { mode: 'bigint' }).notNull(),
});
