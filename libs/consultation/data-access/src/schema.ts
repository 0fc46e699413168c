import { eventSourcingTables } from '@aftersales/shared-event-store';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Attachment,
  GuideChange,
  GuideContent,
  GuideVersionSummary,
  LocalizedText,
} from '@aftersales/contracts/consultation';

export const consultationSchema = pgSchema('consultation');

/** A consultation is its events; these tables are read models kept from them. */
export const { streams, events, outbox, outboxRelay, processedEvents, projectionCheckpoints } =
  eventSourcingTables(consultationSchema);

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One row per consultation: the customer's list and the agents' queue. */
export const consultations = consultationSchema.table(
  'consultations',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull(),
    sn: text('sn').notNull(),
    model: text('model').notNull(),
    warrantyEndsOn: text('warranty_ends_on').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'completed'] }).notNull(),
    outcome: text('outcome', { enum: ['resolved', 'converted'] }),
    agentId: uuid('agent_id'),
    diagnosisCode: text('diagnosis_code').unique(),
    openedAt: at('opened_at').notNull(),
    lastActivityAt: at('last_activity_at').notNull(),
    lastMessage: text('last_message'),
    lastSeq: integer('last_seq').notNull().default(0),
    /** Messages the other side wrote that each side has not read yet. */
    unreadByCustomer: integer('unread_by_customer').notNull().default(0),
    unreadByAgent: integer('unread_by_agent').notNull().default(0),
  },
  (t) => [
    index('consultations_customer_idx').on(t.customerId, t.lastActivityAt),
    index('consultations_queue_idx').on(t.status, t.openedAt),
  ],
);

/** Every message of every consultation, in the order of its `seq`. */
export const messages = consultationSchema.table(
  'messages',
  {
    consultationId: uuid('consultation_id').notNull(),
    seq: integer('seq').notNull(),
    messageId: uuid('message_id').notNull().unique(),
    authorKind: text('author_kind', { enum: ['customer', 'agent'] }).notNull(),
    authorId: uuid('author_id').notNull(),
    text: text('text'),
    attachments: jsonb('attachments').$type<Attachment[]>().notNull(),
    postedAt: at('posted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.consultationId, t.seq] })],
);

/** The canned replies agents keep, as they are now; a deleted one has no row. */
export const cannedReplies = consultationSchema.table(
  'canned_replies',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** The stream's version after the reply's last event, for `If-Match`. */
    version: integer('version').notNull(),
    createdBy: uuid('created_by').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('canned_replies_title_idx').on(t.title)],
);

/** Every self-service guide, drafts included: its current content, and what readers see of it. */
export const guides = consultationSchema.table(
  'guides',
  {
    id: uuid('id').primaryKey(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    /** The stream's version after the guide's last event, for `If-Match`. */
    version: integer('version').notNull(),
    content: jsonb('content').$type<GuideContent>().notNull(),
    /** The content readers see; none while it is a draft. */
    published: jsonb('published').$type<GuideContent>(),
    /** The first words of the published body, for lists. */
    excerpt: jsonb('excerpt').$type<LocalizedText>(),
    createdBy: uuid('created_by').notNull(),
    createdAt: at('created_at').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: at('updated_at').notNull(),
    publishedAt: at('published_at'),
  },
  (t) => [index('guides_status_idx').on(t.status, t.publishedAt)],
);

/** Every change of every guide, with the content after it: the versions support looks back on. */
export const guideVersions = consultationSchema.table(
  'guide_versions',
  {
    guideId: uuid('guide_id').notNull(),
    version: integer('version').notNull(),
    change: text('change').$type<GuideChange>().notNull(),
    by: uuid('by').notNull(),
    at: at('at').notNull(),
    fields: jsonb('fields').$type<GuideVersionSummary['fields']>().notNull(),
    content: jsonb('content').$type<GuideContent>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.guideId, t.version] })],
);

/**
 * The search index of the published guides: each term a guide is found by (see `termsOf`), with the
 * weight of where it appears. Terms are looked up equal, by prefix (`LIKE`, through the trigram index)
 * and by trigram similarity (pg_trgm), on PostgreSQL and PGlite alike.
 */
export const guideTerms = consultationSchema.table(
  'guide_terms',
  {
    guideId: uuid('guide_id').notNull(),
    term: text('term').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.guideId, t.term] }),
    index('guide_terms_term_idx').on(t.term),
    index('guide_terms_trigram_idx').using('gin', t.term.op('gin_trgm_ops')),
  ],
);

/** Each customer's last answer on whether a guide solved their problem. */
export const guideFeedback = consultationSchema.table(
  'guide_feedback',
  {
    guideId: uuid('guide_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    helpful: boolean('helpful').notNull(),
    givenAt: at('given_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.guideId, t.customerId] })],
);
