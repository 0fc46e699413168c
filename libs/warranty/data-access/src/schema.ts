import { eventSourcingTables } from '@aftersales/shared-event-store';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const warrantySchema = pgSchema('warranty');

/** Repair-point changes leave the service as events, through the outbox. */
export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(warrantySchema);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const devices = warrantySchema.table('devices', {
  sn: text('sn').primaryKey(),
  model: text('model').notNull(),
  shippedOn: date('shipped_on', { mode: 'string' }).notNull(),
  customerRef: text('customer_ref'),
  orderRef: text('order_ref'),
  registeredAt: at('registered_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Every change an import made to a registered device, with the values before and after. */
export const deviceHistory = warrantySchema.table(
  'device_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sn: text('sn').notNull(),
    importId: uuid('import_id'),
    changedAt: at('changed_at').notNull().defaultNow(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
  },
  (t) => [index('device_history_sn_idx').on(t.sn)],
);

export const warrantyPolicies = warrantySchema.table('warranty_policies', {
  model: text('model').primaryKey(),
  months: integer('months').notNull(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

export const warrantyExtensions = warrantySchema.table(
  'warranty_extensions',
  {
    id: uuid('id').primaryKey(),
    sn: text('sn')
      .notNull()
      .references(() => devices.sn),
    months: integer('months').notNull(),
    reason: text('reason').notNull(),
    grantedBy: text('granted_by'),
    grantedAt: at('granted_at').notNull().defaultNow(),
  },
  (t) => [index('warranty_extensions_sn_idx').on(t.sn)],
);

export const deviceImports = warrantySchema.table('device_imports', {
  id: uuid('id').primaryKey(),
  filename: text('filename').notNull(),
  status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
  processedRows: integer('processed_rows').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  startedAt: at('started_at').notNull().defaultNow(),
  finishedAt: at('finished_at'),
  error: text('error'),
});

export const importRejections = warrantySchema.table(
  'import_rejections',
  {
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/**
 * The valid rows of a running import, one per SN (a second row of the same SN is rejected). They reach the
 * registry in one transaction when the import finishes, so an import that fails leaves no device behind.
 */
export const importStagedRows = warrantySchema.table(
  'import_staged_rows',
  {
    importId: uuid('import_id').notNull(),
    sn: text('sn').notNull(),
    line: integer('line').notNull(),
    model: text('model').notNull(),
    shippedOn: date('shipped_on', { mode: 'string' }).notNull(),
    customerRef: text('customer_ref'),
    orderRef: text('order_ref'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.sn] })],
);

export const repairPoints = warrantySchema.table(
  'repair_points',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['official', 'third_party'] }).notNull(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    region: text('region').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull(),
    contact: text('contact').notNull(),
    phone: text('phone').notNull(),
    email: text('email'),
    models: jsonb('models')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    capacityPerWeek: integer('capacity_per_week'),
    active: boolean('active').notNull(),
    /** Grows with every change; a change names the version it was made on, so none is lost. */
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('repair_points_kind_country_idx').on(t.kind, t.country)],
);
