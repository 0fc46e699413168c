import { eventSourcingTables } from '@aftersales/shared-event-store';
import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const repairOrdersSchema = pgSchema('repair-orders');

/** A repair order is its events; these tables are read models kept from them. */
export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(repairOrdersSchema);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const repairOrders = repairOrdersSchema.table(
  'repair_orders',
  {
    id: uuid('id').primaryKey(),
    diagnosisCode: text('diagnosis_code').notNull().unique(),
    consultationId: uuid('consultation_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    status: text('status').notNull(),
    openedAt: at('opened_at').notNull(),
  },
  (t) => [index('repair_orders_customer_idx').on(t.customerId, t.openedAt)],
);

export const deviceLines = repairOrdersSchema.table(
  'device_lines',
  {
    deviceOrderNo: text('device_order_no').primaryKey(),
    repairOrderId: uuid('repair_order_id').notNull(),
    sn: text('sn').notNull(),
    model: text('model').notNull(),
    status: text('status').notNull(),
  },
  (t) => [index('device_lines_order_idx').on(t.repairOrderId)],
);
