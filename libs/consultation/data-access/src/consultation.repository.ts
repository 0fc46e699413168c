import { Inject, Injectable } from '@nestjs/common';
import type {
  Author,
  ChatMessage,
  Consultation,
  ConsultationStatus,
} from '@aftersales/contracts/consultation';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { and, asc, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { consultations, messages } from './schema.js';

type Row = typeof consultations.$inferSelect;

/** A consultation as `viewer` sees it: the unread count is of their side. */
function toConsultation(row: Row, viewer: Pick<Author, 'kind'>): Consultation {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customerId,
    device: { sn: row.sn, model: row.model, warrantyEndsOn: row.warrantyEndsOn },
    status: row.status,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.agentId ? { agentId: row.agentId } : {}),
    ...(row.diagnosisCode ? { diagnosisCode: row.diagnosisCode } : {}),
    openedAt: row.openedAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    ...(row.lastMessage ? { lastMessage: row.lastMessage } : {}),
    lastSeq: row.lastSeq,
    unread: viewer.kind === 'customer' ? row.unreadByCustomer : row.unreadByAgent,
  };
}

function toMessage(row: typeof messages.$inferSelect): ChatMessage {
  return {
    consultationId: row.consultationId,
    messageId: row.messageId,
    seq: row.seq,
    author: { kind: row.authorKind, userId: row.authorId },
    ...(row.text === null ? {} : { text: row.text }),
    attachments: row.attachments,
    postedAt: row.postedAt.toISOString(),
  };
}

/** Consultations and their messages as the read models hold them (see `consultationsProjection`). */
@Injectable()
export class ConsultationRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async customerOf(id: string): Promise<string | undefined> {
    const [row] = await this.connection.db
      .select({ customerId: consultations.customerId })
      .from(consultations)
      .where(eq(consultations.id, id));
    return row?.customerId;
  }

  /** Undefined when there is none, or when it is another customer's: the viewer may not know of it. */
  async find(id: string, viewer: Author): Promise<Consultation | undefined> {
    const [row] = await this.connection.db.select().from(consultations).where(eq(consultations.id, id));
    if (!row || (viewer.kind === 'customer' && row.customerId !== viewer.userId)) return undefined;
    return toConsultation(row, viewer);
  }

  /** The consultation as each side sees it (their unread counts differ), for the notices to the gateways. */
  async findForBothSides(id: string): Promise<{ customer: Consultation; agent: Consultation } | undefined> {
    const [row] = await this.connection.db.select().from(consultations).where(eq(consultations.id, id));
    if (!row) return undefined;
    return {
      customer: toConsultation(row, { kind: 'customer' }),
      agent: toConsultation(row, { kind: 'agent' }),
    };
  }

  /**
   * A customer's own consultations, the latest activity first; for agents the queue: all of them, or
   * those of one status, the longest waiting first.
   */
  async list(viewer: Author, status?: ConsultationStatus): Promise<Consultation[]> {
    const where: SQL[] = [];
    if (viewer.kind === 'customer') where.push(eq(consultations.customerId, viewer.userId));
    if (status) where.push(eq(consultations.status, status));
    const rows = await this.connection.db
      .select()
      .from(consultations)
      .where(and(...where))
      .orderBy(viewer.kind === 'customer' ? desc(consultations.lastActivityAt) : asc(consultations.openedAt))
      .limit(500);
    return rows.map((row) => toConsultation(row, viewer));
  }

  /** One customer's consultations as support sees them, the latest activity first. */
  async listForCustomer(customerId: string): Promise<Consultation[]> {
    const rows = await this.connection.db
      .select()
      .from(consultations)
      .where(eq(consultations.customerId, customerId))
      .orderBy(desc(consultations.lastActivityAt))
      .limit(500);
    return rows.map((row) => toConsultation(row, { kind: 'agent' }));
  }

  /** Messages after `afterSeq` in order, or the page before `beforeSeq` (the newest without it), oldest first. */
  async messages(
    consultationId: string,
    page: { beforeSeq?: number; afterSeq?: number; limit: number },
  ): Promise<ChatMessage[]> {
    const byConsultation = eq(messages.consultationId, consultationId);
    if (page.afterSeq !== undefined) {
      const rows = await this.connection.db
        .select()
        .from(messages)
        .where(and(byConsultation, gt(messages.seq, page.afterSeq)))
        .orderBy(asc(messages.seq))
        .limit(page.limit);
      return rows.map(toMessage);
    }
    const rows = await this.connection.db
      .select()
      .from(messages)
      .where(
        page.beforeSeq === undefined ? byConsultation : and(byConsultation, lt(messages.seq, page.beforeSeq)),
      )
      .orderBy(desc(messages.seq))
      .limit(page.limit);
    return rows.reverse().map(toMessage);
  }

  async message(consultationId: string, messageId: string): Promise<ChatMessage | undefined> {
    const [row] = await this.connection.db
      .select()
      .from(messages)
      .where(and(eq(messages.consultationId, consultationId), eq(messages.messageId, messageId)));
    return row ? toMessage(row) : undefined;
  }
}
