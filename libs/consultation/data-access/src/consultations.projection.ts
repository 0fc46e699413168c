import { consultationEvents } from '@aftersales/contracts/consultation';
import type { ConsultationEvent } from '@aftersales/consultation-domain';
import type { Database } from '@aftersales/shared-persistence';
import type { Projection } from '@aftersales/shared-event-store';
import { and, eq, gt, sql } from 'drizzle-orm';
import { consultations, messages } from './schema.js';

/** What the list shows of a message: its text, or that it carries files. */
function preview(data: Extract<ConsultationEvent, { type: 'MessagePosted' }>['data']): string {
  return (data.text ?? '').slice(0, 200) || data.attachments.map((a) => a.name).join(', ');
}

/** Messages the other side wrote after `seq`: what `reader` has not read yet. */
async function unreadAfter(tx: Database, consultationId: string, reader: 'customer' | 'agent', seq: number) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(messages)
    .where(
      and(
        eq(messages.consultationId, consultationId),
        gt(messages.seq, seq),
        sql`${messages.authorKind} <> ${reader}`,
      ),
    );
  return row?.count ?? 0;
}

async function apply(event: ConsultationEvent, tx: Database): Promise<void> {
  switch (event.type) {
    case 'ConsultationOpened': {
      const { consultationId, number, customerId, device, openedAt } = event.data;
      await tx
        .insert(consultations)
        .values({
          id: consultationId,
          number,
          customerId,
          sn: device.sn,
          model: device.model,
          warrantyEndsOn: device.warrantyEndsOn,
          status: 'open',
          openedAt: new Date(openedAt),
          lastActivityAt: new Date(openedAt),
        })
        .onConflictDoNothing();
      return;
    }
    case 'MessagePosted': {
      const { consultationId, messageId, seq, author, text, attachments, postedAt } = event.data;
      await tx
        .insert(messages)
        .values({
          consultationId,
          seq,
          messageId,
          authorKind: author.kind,
          authorId: author.userId,
          text: text ?? null,
          attachments,
          postedAt: new Date(postedAt),
        })
        .onConflictDoNothing();
      // Whoever writes has read everything before; the other side has one more to read.
      const other = author.kind === 'customer' ? consultations.unreadByAgent : consultations.unreadByCustomer;
      await tx
        .update(consultations)
        .set({
          lastSeq: seq,
          lastMessage: preview(event.data),
          lastActivityAt: new Date(postedAt),
          [author.kind === 'customer' ? 'unreadByCustomer' : 'unreadByAgent']: 0,
          [author.kind === 'customer' ? 'unreadByAgent' : 'unreadByCustomer']: sql`${other} + 1`,
        })
        .where(eq(consultations.id, consultationId));
      return;
    }
    case 'MessagesRead': {
      const { consultationId, reader, upToSeq } = event.data;
      const unread = await unreadAfter(tx, consultationId, reader.kind, upToSeq);
      await tx
        .update(consultations)
        .set(reader.kind === 'customer' ? { unreadByCustomer: unread } : { unreadByAgent: unread })
        .where(eq(consultations.id, consultationId));
      return;
    }
    case 'ConsultationTaken':
      await tx
        .update(consultations)
        .set({
          status: 'in_progress',
          agentId: event.data.agentId,
          lastActivityAt: new Date(event.data.takenAt),
        })
        .where(eq(consultations.id, event.data.consultationId));
      return;
    case 'ConsultationHandedOver':
      await tx
        .update(consultations)
        .set({ agentId: event.data.toAgentId, lastActivityAt: new Date(event.data.handedOverAt) })
        .where(eq(consultations.id, event.data.consultationId));
      return;
    case 'ConsultationResolved':
      await tx
        .update(consultations)
        .set({ status: 'completed', outcome: 'resolved', lastActivityAt: new Date(event.data.resolvedAt) })
        .where(eq(consultations.id, event.data.consultationId));
      return;
    case 'ConsultationConverted':
      await tx
        .update(consultations)
        .set({
          status: 'completed',
          outcome: 'converted',
          diagnosisCode: event.data.diagnosisCode,
          lastActivityAt: new Date(event.data.convertedAt),
        })
        .where(eq(consultations.id, event.data.consultationId));
      return;
  }
}

/**
 * The consultations list and every message, kept in the transaction that appends the events: a sender
 * reads its message back at once, and a client that reconnects reads what it missed from here.
 */
export const consultationsProjection: Projection = {
  name: 'consultations',
  canHandle: Object.values(consultationEvents).map((e) => e.type),
  evolve: (event, tx) => apply(event as unknown as ConsultationEvent, tx),
  async reset(tx) {
    await tx.delete(messages);
    await tx.delete(consultations);
  },
};
