import { date, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

export const warrantySchema = pgSchema('warranty');

export const devices = warrantySchema.table('devices', {
  sn: text('sn').primaryKey(),
  model: text('model').notNull(),
  shippedOn: date('shipped_on', { mode: 'string' }).notNull(),
  warrantyEndsOn: date('warranty_ends_on', { mode: 'string' }).notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
});
