import { eventSourcingTables } from '@aftersales/shared-event-store';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const logisticsSchema = pgSchema('logistics');

/** Carriers and shipments are their events; these tables are read models kept from them. */
export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(logisticsSchema);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const carriers = logisticsSchema.table('carriers', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  pattern: text('pattern').notNull(),
  checkDigit: text('check_digit'),
  trackingUrl: text('tracking_url').notNull(),
  aftershipSlug: text('aftership_slug'),
  active: boolean('active').notNull(),
  version: integer('version').notNull(),
});

export const shipments = logisticsSchema.table(
  'shipments',
  {
    id: uuid('id').primaryKey(),
    direction: text('direction').notNull(),
    repairOrderId: uuid('repair_order_id').notNull(),
    diagnosisCode: text('diagnosis_code').notNull(),
    customerId: uuid('customer_id').notNull(),
    repairPointId: text('repair_point_id').notNull(),
    deviceOrderNos: jsonb('device_order_nos').$type<string[]>().notNull(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    status: text('status').notNull(),
    latestAt: at('latest_at'),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
    version: integer('version').notNull(),
  },
  (t) => [
    index('shipments_number_idx').on(t.trackingNumber),
    index('shipments_order_idx').on(t.diagnosisCode),
  ],
);

export const checkpoints = logisticsSchema.table(
  'checkpoints',
  {
    shipmentId: uuid('shipment_id').notNull(),
    checkpointId: uuid('checkpoint_id').notNull(),
    status: text('status').notNull(),
    at: at('at').notNull(),
    location: text('location'),
    description: text('description').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.checkpointId] })],
);

/** The aggregator's pushes already taken, by their event id: a replay of one is refused. */
export const webhookEvents = logisticsSchema.table(
  'webhook_events',
  {
    provider: text('provider').notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.eventId] })],
);
