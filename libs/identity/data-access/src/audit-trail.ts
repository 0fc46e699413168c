import { Inject, Injectable } from '@nestjs/common';
import type { AuditEntry, AuditPage } from '@aftersales/contracts/identity';
import { identityEvents } from '@aftersales/contracts/identity';
import { warrantyEvents } from '@aftersales/contracts/warranty';
import type { Projection, RecordedEvent } from '@aftersales/shared-event-store';
import { DATABASE_CONNECTION, type Database, type DatabaseConnection } from '@aftersales/shared-persistence';
import { count, desc } from 'drizzle-orm';
import { auditEntries } from './schema.js';

type Subject = AuditEntry['subject'];
type Data = Record<string, unknown>;

const userEvents = [
  identityEvents.userCreated,
  identityEvents.userRoleChanged,
  identityEvents.userRepairPointChanged,
  identityEvents.userDisabled,
  identityEvents.userEnabled,
];
const apiKeyEvents = [identityEvents.apiKeyCreated, identityEvents.apiKeyRevoked];
/** Warranty's, which identity's repair-point consumer adds to the trail. */
export const repairPointEvents = [warrantyEvents.repairPointRegistered, warrantyEvents.repairPointChanged];

/** Which object each recorded act is about, by the field of its data that names it. */
const subjects = new Map<string, (data: Data) => Subject>([
  ...userEvents.map(
    (e) => [e.type, (data: Data): Subject => ({ kind: 'user', id: String(data.userId) })] as const,
  ),
  ...apiKeyEvents.map(
    (e) => [e.type, (data: Data): Subject => ({ kind: 'api-key', id: String(data.apiKeyId) })] as const,
  ),
  ...repairPointEvents.map(
    (e) => [e.type, (data: Data): Subject => ({ kind: 'repair-point', id: String(data.id) })] as const,
  ),
]);

/** Adds one recorded event to the audit trail; a redelivered one is there already. */
export async function recordAuditEntry(event: RecordedEvent, tx: Database): Promise<void> {
  const data = event.data as Data;
  const subject = subjects.get(event.type)!(data);
  await tx
    .insert(auditEntries)
    .values({
      eventId: event.eventId,
      at: new Date(event.metadata.timestamp),
      actor: event.metadata.actor,
      action: event.type,
      subjectKind: subject.kind,
      subjectId: subject.id,
      details: data,
    })
    .onConflictDoNothing();
}

/** Identity's own administration events, recorded in the transaction that appends them. */
export const auditTrailProjection: Projection = {
  name: 'audit_trail',
  canHandle: [...userEvents, ...apiKeyEvents].map((e) => e.type),
  evolve: recordAuditEntry,
  async reset(tx) {
    await tx.delete(auditEntries);
  },
};

@Injectable()
export class AuditTrailRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** One page of the trail, newest first. */
  async page(page: number, pageSize: number): Promise<AuditPage> {
    const db = this.connection.db;
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(auditEntries)
        .orderBy(desc(auditEntries.at), desc(auditEntries.eventId))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ total: count() }).from(auditEntries),
    ]);
    return {
      entries: rows.map((row) => ({
        id: row.eventId,
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        subject: { kind: row.subjectKind, id: row.subjectId },
        details: row.details,
      })),
      page,
      pageSize,
      total: total?.total ?? 0,
    };
  }
}
