import { eventSourcingTables } from '@aftersales/shared-event-store';
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const identitySchema = pgSchema('identity');

/** The kit's tables: identity records its administration as events, published through the outbox. */
export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(identitySchema);

export const users = identitySchema.table('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['customer', 'agent', 'engineer', 'admin'] }).notNull(),
  repairPointId: text('repair_point_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
});

export const sessions = identitySchema.table(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedReason: text('revoked_reason'),
    clientAddress: text('client_address').notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Refresh tokens by their SHA-256: each is exchanged once, and every one of a session stays for reuse detection. */
export const refreshTokens = identitySchema.table(
  'refresh_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

export const apiKeys = identitySchema.table('api_keys', {
  id: uuid('id').primaryKey(),
  repairPointId: text('repair_point_id').notNull(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
});

export const signInFailures = identitySchema.table(
  'sign_in_failures',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    address: text('address').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('sign_in_failures_email_idx').on(t.email, t.failedAt),
    index('sign_in_failures_address_idx').on(t.address, t.failedAt),
    // For purging the rows that left the window.
    index('sign_in_failures_failed_at_idx').on(t.failedAt),
  ],
);

/** Repair points warranty deactivated (from its events): their API keys do not work meanwhile. */
export const deactivatedRepairPoints = identitySchema.table('deactivated_repair_points', {
  repairPointId: text('repair_point_id').primaryKey(),
  since: timestamp('since', { withTimezone: true, mode: 'date' }).notNull(),
});

/** The audit trail: identity's administration events and warranty's repair-point events, as admins read them. */
export const auditEntries = identitySchema.table(
  'audit_entries',
  {
    eventId: uuid('event_id').primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectKind: text('subject_kind', { enum: ['user', 'api-key', 'repair-point'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_entries_at_idx').on(t.at.desc(), t.eventId)],
);
