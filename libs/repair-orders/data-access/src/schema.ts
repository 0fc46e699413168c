import { eventSourcingTables } from '@aftersales/shared-event-store';
import { index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    /** The order stream's version after the last event applied here. */
    version: integer('version').notNull().default(1),
    repairPointId: text('repair_point_id'),
    outboundCarrier: text('outbound_carrier'),
    outboundTrackingNumber: text('outbound_tracking_number'),
    outboundAt: at('outbound_at'),
    openedAt: at('opened_at').notNull(),
    submittedAt: at('submitted_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('repair_orders_customer_idx').on(t.customerId, t.openedAt),
    index('repair_orders_point_idx').on(t.repairPointId, t.status),
  ],
);

export const deviceLines = repairOrdersSchema.table(
  'device_lines',
  {
    deviceOrderNo: text('device_order_no').primaryKey(),
    repairOrderId: uuid('repair_order_id').notNull(),
    /** Where the line stands on the form: the consultation's device first. */
    position: integer('position').notNull().default(0),
    sn: text('sn').notNull(),
    model: text('model').notNull(),
    status: text('status').notNull(),
    fault: text('fault'),
    photos: jsonb('photos').$type<string[]>().notNull().default([]),
    receiptNote: text('receipt_note'),
    receiptPhotos: jsonb('receipt_photos').$type<string[]>().notNull().default([]),
    returnCarrier: text('return_carrier'),
    returnTrackingNumber: text('return_tracking_number'),
    returnedAt: at('returned_at'),
  },
  (t) => [index('device_lines_order_idx').on(t.repairOrderId), index('device_lines_sn_idx').on(t.sn)],
);

/** Every event of an order as its timeline shows it: who did what to which lines, and when. */
export const timeline = repairOrdersSchema.table(
  'timeline',
  {
    repairOrderId: uuid('repair_order_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: at('at').notNull(),
    actor: text('actor').notNull(),
    deviceOrderNos: jsonb('device_order_nos').$type<string[]>().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.repairOrderId, t.seq] })],
);
