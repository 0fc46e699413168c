import { cannedReplyEvents } from '@aftersales/contracts/consultation';
import type { CannedReplyEvent } from '@aftersales/consultation-domain';
import type { Projection } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { eq } from 'drizzle-orm';
import { cannedReplies } from './schema.js';

async function apply(event: CannedReplyEvent, version: number, tx: Database): Promise<void> {
  switch (event.type) {
    case 'CannedReplyCreated': {
      const { cannedReplyId, title, text, createdBy, createdAt } = event.data;
      await tx
        .insert(cannedReplies)
        .values({
          id: cannedReplyId,
          title,
          text,
          version,
          createdBy,
          updatedBy: createdBy,
          updatedAt: new Date(createdAt),
        })
        .onConflictDoNothing();
      return;
    }
    case 'CannedReplyEdited': {
      const { cannedReplyId, title, text, editedBy, editedAt } = event.data;
      await tx
        .update(cannedReplies)
        .set({ title, text, version, updatedBy: editedBy, updatedAt: new Date(editedAt) })
        .where(eq(cannedReplies.id, cannedReplyId));
      return;
    }
    case 'CannedReplyDeleted':
      await tx.delete(cannedReplies).where(eq(cannedReplies.id, event.data.cannedReplyId));
      return;
  }
}

/** The canned replies as agents pick them, kept in the transaction that appends their events. */
export const cannedRepliesProjection: Projection = {
  name: 'canned_replies',
  canHandle: Object.values(cannedReplyEvents).map((e) => e.type),
  evolve: (event, tx) => apply(event as unknown as CannedReplyEvent, event.version, tx),
  async reset(tx) {
    await tx.delete(cannedReplies);
  },
};
