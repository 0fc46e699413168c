import { Inject, Injectable } from '@nestjs/common';
import type {
  EditableGuide,
  Guide,
  GuideFeedbackCounts,
  GuideQuery,
  GuideSearchResult,
  GuideSummary,
  GuideVersion,
  GuideVersionSummary,
  StaffGuideSummary,
} from '@aftersales/contracts/consultation';
import { changedFields } from '@aftersales/consultation-domain';
import { DATABASE_CONNECTION, type DatabaseConnection, rowsOf } from '@aftersales/shared-persistence';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type QueryTerm, queryTerms } from './guide-search-terms.js';
import { guideFeedback, guides, guideTerms, guideVersions } from './schema.js';

type Row = typeof guides.$inferSelect;
type PublishedRow = Row & { published: NonNullable<Row['published']>; publishedAt: Date };

/** How much a match counts by how it matched: the term itself, a word it begins, a near spelling. */
const MATCH = { equal: 1, prefix: 0.7, similar: 0.5 } as const;
/** How close a spelling must be to count as a typo of a term ("overheeting" is 0.5 from "overheat"). */
const SIMILAR = 0.45;

const isPublished = (row: Row): row is PublishedRow =>
  row.status === 'published' && row.published !== null && row.publishedAt !== null;

function staffFields(row: Row, feedback: GuideFeedbackCounts) {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    unpublishedChanges: row.published !== null && changedFields(row.published, row.content).length > 0,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    ...(row.publishedAt ? { publishedAt: row.publishedAt.toISOString() } : {}),
    feedback,
  };
}

/** The guides as their read models hold them (see `guidesProjection`), and their search. */
@Injectable()
export class GuideRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  private get db() {
    return this.connection.db;
  }

  /**
   * Published guides: with words in `q`, those that match any of them, the most relevant first; without,
   * those most often helpful first. A match counts by where it is (title and symptoms over body), how it
   * matched, and how rare the term is among the guides (a word every guide has says little).
   */
  async search({ q, model, category, limit }: GuideQuery): Promise<GuideSearchResult> {
    const filters: SQL[] = [eq(guides.status, 'published')];
    if (model) filters.push(sql`${guides.published}->'models' @> jsonb_build_array(${model}::text)`);
    if (category) filters.push(sql`${guides.published}->>'category' = ${category}`);
    const terms = queryTerms(q ?? '');
    const rows =
      terms.length > 0
        ? await this.matching(terms, and(...filters)!, limit)
        : await this.mostHelpful(and(...filters)!, limit);
    const counts = await this.feedback(rows.map((r) => r.id));
    return {
      guides: rows.filter(isPublished).map((row) => summaryOf(row, counts(row.id))),
      models: await this.models(),
    };
  }

  private async matching(terms: QueryTerm[], published: SQL, limit: number): Promise<Row[]> {
    const ranked = await this.ranked(terms, published, limit);
    if (ranked.length === 0) return [];
    const rows = await this.db.select().from(guides).where(inArray(guides.id, ranked));
    return rows.sort((a, b) => ranked.indexOf(a.id) - ranked.indexOf(b.id));
  }

  /** Browsing: the guides that helped most first, then the latest. */
  private async mostHelpful(published: SQL, limit: number): Promise<Row[]> {
    const helped = this.db
      .select({
        guideId: guideFeedback.guideId,
        count: sql<number>`count(*) filter (where ${guideFeedback.helpful})`.as('helped'),
      })
      .from(guideFeedback)
      .groupBy(guideFeedback.guideId)
      .as('helped');
    const rows = await this.db
      .select({ guide: guides })
      .from(guides)
      .leftJoin(helped, eq(helped.guideId, guides.id))
      .where(published)
      .orderBy(sql`coalesce(${helped.count}, 0) desc`, desc(guides.publishedAt), guides.id)
      .limit(limit);
    return rows.map((row) => row.guide);
  }

  /** The ids of the published guides that match, best first. */
  private async ranked(terms: QueryTerm[], published: SQL, limit: number): Promise<string[]> {
    const values = sql.join(
      terms.map((t) => sql`(${t.term}::text, ${t.pattern ?? null}::text, ${t.fuzzy}::boolean)`),
      sql`, `,
    );
    const result = await this.db.execute(sql`
      with q(term, pattern, fuzzy) as (values ${values}),
      candidates as (select ${guides.id} as id from ${guides} where ${published}),
      hits as (
        select t.guide_id, q.term,
          max(t.weight * case
            when t.term = q.term then ${MATCH.equal}::float8
            when q.pattern is not null and t.term like q.pattern then ${MATCH.prefix}::float8
            else similarity(t.term, q.term) * ${MATCH.similar}::float8 end) as score
        from q join ${guideTerms} t
          on t.term = q.term
          or (q.pattern is not null and t.term like q.pattern)
          or (q.fuzzy and t.term % q.term and similarity(t.term, q.term) >= ${SIMILAR})
        where t.guide_id in (select id from candidates)
        group by t.guide_id, q.term
      ),
      spread as (select term, count(*)::float8 as guides from hits group by term),
      total as (select count(*)::float8 as guides from candidates)
      select h.guide_id as id
      from hits h join spread s on s.term = h.term cross join total
      group by h.guide_id
      order by sum(h.score * ln(1 + total.guides / s.guides)) desc, h.guide_id
      limit ${limit}
    `);
    return rowsOf<{ id: string }>(result).map((row) => row.id);
  }

  /** Every model some published guide applies to, by name. */
  private async models(): Promise<string[]> {
    const result = await this.db.execute(sql`
      select distinct jsonb_array_elements_text(${guides.published}->'models') as model
      from ${guides} where ${guides.status} = 'published' order by model`);
    return rowsOf<{ model: string }>(result).map((row) => row.model);
  }

  /** How often each guide helped, and how often not; none answered is zero. */
  private async feedback(ids: string[]): Promise<(id: string) => GuideFeedbackCounts> {
    const rows =
      ids.length === 0
        ? []
        : await this.db
            .select({
              guideId: guideFeedback.guideId,
              helpful: sql<number>`(count(*) filter (where ${guideFeedback.helpful}))::int`,
              notHelpful: sql<number>`(count(*) filter (where not ${guideFeedback.helpful}))::int`,
            })
            .from(guideFeedback)
            .where(inArray(guideFeedback.guideId, ids))
            .groupBy(guideFeedback.guideId);
    const byGuide = new Map(rows.map(({ guideId, ...counts }) => [guideId, counts]));
    return (id) => byGuide.get(id) ?? { helpful: 0, notHelpful: 0 };
  }

  private async row(id: string): Promise<Row | undefined> {
    const [row] = await this.db.select().from(guides).where(eq(guides.id, id));
    return row;
  }

  /** A published guide as readers see it; undefined for a draft, as for none. */
  async findPublished(id: string): Promise<Guide | undefined> {
    const row = await this.row(id);
    if (!row || !isPublished(row)) return undefined;
    const { title, body, models, category, symptoms } = row.published;
    return {
      id,
      title,
      body,
      models,
      category,
      symptoms,
      feedback: (await this.feedback([id]))(id),
      publishedAt: row.publishedAt.toISOString(),
    };
  }

  async findEditable(id: string): Promise<EditableGuide | undefined> {
    const row = await this.row(id);
    if (!row) return undefined;
    return {
      ...staffFields(row, (await this.feedback([id]))(id)),
      content: row.content,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** Every guide, drafts included, the latest change first. */
  async listAll(): Promise<StaffGuideSummary[]> {
    const rows = await this.db.select().from(guides).orderBy(desc(guides.updatedAt), guides.id);
    const counts = await this.feedback(rows.map((r) => r.id));
    return rows.map((row) => ({
      ...staffFields(row, counts(row.id)),
      title: row.content.title,
      models: row.content.models,
      category: row.content.category,
    }));
  }

  /** The guide's changes, the latest first; empty when there is no such guide. */
  async versions(id: string): Promise<GuideVersionSummary[]> {
    const rows = await this.db
      .select({
        version: guideVersions.version,
        change: guideVersions.change,
        by: guideVersions.by,
        at: guideVersions.at,
        fields: guideVersions.fields,
      })
      .from(guideVersions)
      .where(eq(guideVersions.guideId, id))
      .orderBy(desc(guideVersions.version));
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  async version(id: string, version: number): Promise<GuideVersion | undefined> {
    const [row] = await this.db
      .select()
      .from(guideVersions)
      .where(and(eq(guideVersions.guideId, id), eq(guideVersions.version, version)));
    if (!row) return undefined;
    const { version: number, change, by, at, fields, content } = row;
    return { version: number, change, by, at: at.toISOString(), fields, content };
  }
}

function summaryOf(row: PublishedRow, feedback: GuideFeedbackCounts): GuideSummary {
  const { title, models, category, symptoms } = row.published;
  return {
    id: row.id,
    title,
    excerpt: row.excerpt ?? { 'zh-CN': '', en: '' },
    models,
    category,
    symptoms,
    feedback,
    publishedAt: row.publishedAt.toISOString(),
  };
}
