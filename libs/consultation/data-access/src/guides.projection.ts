import { type GuideContent, guideEvents } from '@aftersales/contracts/consultation';
import { changedFields, type GuideEvent } from '@aftersales/consultation-domain';
import type { Projection, RecordedEvent } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { eq } from 'drizzle-orm';
import { excerptOf, termsOf } from './guide-search-terms.js';
import { guides, guideTerms, guideVersions } from './schema.js';

/** Rows per insert of terms: a long Chinese body has thousands, and a statement takes 65,535 values. */
const TERMS_PER_INSERT = 2_000;

async function current(tx: Database, guideId: string) {
  const [row] = await tx
    .select({ content: guides.content, published: guides.published })
    .from(guides)
    .where(eq(guides.id, guideId));
  if (!row) throw new Error(`Guide ${guideId} has events but no row`);
  return row;
}

/** What readers find the guide by: the terms of its published content, or nothing. */
async function index(tx: Database, guideId: string, published: GuideContent | undefined): Promise<void> {
  await tx.delete(guideTerms).where(eq(guideTerms.guideId, guideId));
  if (!published) return;
  const rows = [...termsOf(published)].map(([term, weight]) => ({ guideId, term, weight }));
  for (let i = 0; i < rows.length; i += TERMS_PER_INSERT) {
    await tx.insert(guideTerms).values(rows.slice(i, i + TERMS_PER_INSERT));
  }
}

async function apply(event: GuideEvent, recorded: RecordedEvent, tx: Database): Promise<void> {
  const { guideId } = event.data;
  const version = (row: Omit<typeof guideVersions.$inferInsert, 'guideId' | 'version'>) =>
    tx
      .insert(guideVersions)
      .values({ guideId, version: recorded.version, ...row })
      .onConflictDoNothing();
  switch (event.type) {
    case 'GuideCreated': {
      const { content, createdBy, createdAt } = event.data;
      const at = new Date(createdAt);
      await tx
        .insert(guides)
        .values({
          id: guideId,
          status: 'draft',
          version: recorded.version,
          content,
          createdBy,
          createdAt: at,
          updatedBy: createdBy,
          updatedAt: at,
        })
        .onConflictDoNothing();
      await version({
        change: 'created',
        by: createdBy,
        at,
        fields: changedFields(undefined, content),
        content,
      });
      return;
    }
    case 'GuideEdited': {
      const { content, editedBy, editedAt } = event.data;
      const before = await current(tx, guideId);
      const at = new Date(editedAt);
      await tx
        .update(guides)
        .set({ content, version: recorded.version, updatedBy: editedBy, updatedAt: at })
        .where(eq(guides.id, guideId));
      await version({
        change: 'edited',
        by: editedBy,
        at,
        fields: changedFields(before.content, content),
        content,
      });
      return;
    }
    case 'GuidePublished': {
      const { content, publishedBy, publishedAt } = event.data;
      const before = await current(tx, guideId);
      const at = new Date(publishedAt);
      await tx
        .update(guides)
        .set({
          status: 'published',
          content,
          published: content,
          excerpt: excerptOf(content.body),
          version: recorded.version,
          updatedBy: publishedBy,
          updatedAt: at,
          publishedAt: at,
        })
        .where(eq(guides.id, guideId));
      await index(tx, guideId, content);
      // What readers will see differ from what they saw.
      await version({
        change: 'published',
        by: publishedBy,
        at,
        fields: changedFields(before.published ?? undefined, content),
        content,
      });
      return;
    }
    case 'GuideWithdrawn': {
      const { withdrawnBy, withdrawnAt } = event.data;
      const before = await current(tx, guideId);
      const at = new Date(withdrawnAt);
      await tx
        .update(guides)
        .set({
          status: 'draft',
          published: null,
          excerpt: null,
          publishedAt: null,
          version: recorded.version,
          updatedBy: withdrawnBy,
          updatedAt: at,
        })
        .where(eq(guides.id, guideId));
      await index(tx, guideId, undefined);
      await version({ change: 'withdrawn', by: withdrawnBy, at, fields: [], content: before.content });
      return;
    }
  }
}

const guideEventTypes = [
  guideEvents.guideCreated,
  guideEvents.guideEdited,
  guideEvents.guidePublished,
  guideEvents.guideWithdrawn,
].map((e) => e.type);

/**
 * The guides as support and readers see them, their versions and their search index, kept in the
 * transaction that appends their events: a guide is found the moment its publishing returns.
 */
export const guidesProjection: Projection = {
  name: 'guides',
  canHandle: guideEventTypes,
  evolve: (event, tx) => apply(event as unknown as GuideEvent, event, tx),
  async reset(tx) {
    await tx.delete(guideTerms);
    await tx.delete(guideVersions);
    await tx.delete(guides);
  },
};
