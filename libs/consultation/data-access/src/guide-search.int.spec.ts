import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { type GuideContent, type GuideQuery, guideEvents } from '@aftersales/contracts/consultation';
import {
  type GiveGuideFeedback,
  type GuideCommand,
  guideDecider,
  type GuideEvent,
  guideFeedbackDecider,
  type GuideFeedbackEvent,
  type GuideFeedbackState,
  guideFeedbackStream,
  type GuideState,
  guideStream,
} from '@aftersales/consultation-domain';
import { CommandHandler, EventStore, ProjectionRunner } from '@aftersales/shared-event-store';
import { type DatabaseConnection, openPglite, openPostgres, rowsOf } from '@aftersales/shared-persistence';
import { createTestDatabase } from '@aftersales/shared-testing';
import { sql } from 'drizzle-orm';
import { guideFeedbackProjection } from './guide-feedback.projection.js';
import { GuideRepository } from './guide.repository.js';
import { guidesProjection } from './guides.projection.js';
import { consultationMigrations } from './migrations.js';

const backends: [string, () => Promise<DatabaseConnection>][] = [
  ['PostgreSQL', async () => openPostgres(await createTestDatabase('guides'))],
  ['PGlite', () => openPglite('memory://')],
];

const AGENT = randomUUID();
const D1 = 'VolcMiner D1';
const HYDRO = 'VolcMiner D1 Hydro';

const content = (c: Partial<GuideContent> & Pick<GuideContent, 'title' | 'body'>): GuideContent => ({
  models: [D1],
  category: 'other',
  symptoms: [],
  ...c,
});

/** Readers should find each by what it is about; its words elsewhere matter less. */
const fans = content({
  title: { 'zh-CN': '散热风扇故障排查', en: 'Cooling fan failure' },
  body: { 'zh-CN': '断电后检查风扇插头。', en: 'Power off and check the fan plug.' },
  models: [D1, 'VolcMiner D1 Lite'],
  category: 'fan',
  symptoms: ['ERROR_FAN_LOST', '风扇转速为 0'],
});
const heat = content({
  title: { 'zh-CN': '温度过高', en: 'Overheating protection' },
  body: {
    'zh-CN': '清理散热片的灰尘，检查风扇是否转动。',
    en: 'Clean the heatsinks; check that the fans turn.',
  },
  models: [D1, HYDRO],
  category: 'overheating',
  symptoms: ['ERROR_TEMP_TOO_HIGH'],
});
const board = content({
  title: { 'zh-CN': '算力板未识别', en: 'Hash board not detected' },
  body: { 'zh-CN': '检查排线。', en: 'Reseat the ribbon cable of the missing chain.' },
  models: [D1, HYDRO],
  category: 'hash_board',
  symptoms: ['ERROR_CHAIN_NOT_FOUND'],
});
/** Never published: it matches every search below, and readers must never see it. */
const draft = content({
  title: { 'zh-CN': '散热风扇草稿', en: 'Fan failure draft' },
  body: { 'zh-CN': '散热 风扇 过热', en: 'ERROR_FAN_LOST overheating detected' },
});
/** Published once, then withdrawn: gone from the readers' search. */
const withdrawn = content({
  title: { 'zh-CN': '旧的散热风扇指南', en: 'Old fan failure guide' },
  body: { 'zh-CN': '散热', en: 'ERROR_FAN_LOST' },
});

let clock = Date.parse('2026-11-28T08:00:00.000Z');
const metadata = (): CommandMetadata => ({
  actor: `user:${AGENT}`,
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  now: new Date((clock += 60_000)).toISOString(),
});

describe.each(backends)('guide search on %s', (_, open) => {
  let connection: DatabaseConnection;
  let repository: GuideRepository;
  const ids = { fans: randomUUID(), heat: randomUUID(), board: randomUUID(), draft: randomUUID() };
  const withdrawnId = randomUUID();

  const search = async (query: Partial<GuideQuery>) =>
    (await repository.search({ limit: 20, ...query })).guides.map((g) => g.id);
  const named = (found: string[]) =>
    found.map((id) => Object.entries(ids).find(([, value]) => value === id)?.[0] ?? id);

  beforeAll(async () => {
    connection = await open();
    await connection.migrate(consultationMigrations);
    repository = new GuideRepository(connection);
    const store = new EventStore(
      connection.db,
      'consultation',
      new Map(Object.values(guideEvents).map((e) => [e.type, e.version])),
    );
    const guides = new CommandHandler<GuideCommand, GuideEvent, GuideState>(store, guideDecider, [
      guidesProjection,
    ]);
    const feedback = new CommandHandler<GiveGuideFeedback, GuideFeedbackEvent, GuideFeedbackState>(
      store,
      guideFeedbackDecider,
      [guideFeedbackProjection],
    );
    const run = (guideId: string, type: GuideCommand['type'], data: object = {}) =>
      guides.handle(guideStream(guideId), {
        type,
        data: { guideId, userId: AGENT, ...data },
        metadata: metadata(),
      } as GuideCommand);
    for (const [guideId, guide] of [
      [ids.fans, fans],
      [ids.heat, heat],
      [ids.board, board],
      [ids.draft, draft],
      [withdrawnId, withdrawn],
    ] as const) {
      await run(guideId, 'CreateGuide', { content: guide });
      if (guideId !== ids.draft) await run(guideId, 'PublishGuide');
    }
    await run(withdrawnId, 'WithdrawGuide');
    // The hash board guide helped two customers, the heat guide one.
    for (const [guideId, customerId] of [
      [ids.board, randomUUID()],
      [ids.board, randomUUID()],
      [ids.heat, randomUUID()],
    ] as const) {
      await feedback.handle(guideFeedbackStream(guideId, customerId), {
        type: 'GiveGuideFeedback',
        data: { guideId, customerId, helpful: true, published: true },
        metadata: metadata(),
      });
    }
  });

  afterAll(() => connection.close());

  it('finds a Chinese word inside a longer phrase, the guide it names in its title first', async () => {
    expect(named(await search({ q: '散热' }))).toEqual(['fans', 'heat']);
    expect(named(await search({ q: '风扇' }))).toEqual(['fans', 'heat']);
  });

  it('finds English words by prefix and by stem, and a near spelling', async () => {
    expect(named(await search({ q: 'overh' }))).toEqual(['heat']);
    expect(named(await search({ q: 'detecting' }))).toEqual(['board']);
    expect(named(await search({ q: 'fans' }))).toEqual(['fans', 'heat']);
    expect(named(await search({ q: 'overheeting' }))).toEqual(['heat']);
  });

  it('finds an error code, whole or in another case, the guide that answers it first', async () => {
    expect(named(await search({ q: 'ERROR_FAN_LOST' }))[0]).toBe('fans');
    expect(named(await search({ q: 'error_temp_too_high' }))[0]).toBe('heat');
  });

  it("suggests from a customer's first message, for their machine's model", async () => {
    expect(named(await search({ q: '我的矿机风扇不转了，一直报警', model: D1 }))[0]).toBe('fans');
    expect(named(await search({ q: '风扇', model: HYDRO }))).toEqual(['heat']);
    expect(named(await search({ q: '风扇', category: 'fan' }))).toEqual(['fans']);
  });

  it('never shows a draft or a withdrawn guide, however well it matches', async () => {
    for (const q of ['散热', '风扇草稿', 'ERROR_FAN_LOST', 'draft', 'old']) {
      const found = await search({ q });
      expect(found).not.toContain(ids.draft);
      expect(found).not.toContain(withdrawnId);
    }
    await expect(repository.findPublished(ids.draft)).resolves.toBeUndefined();
    await expect(repository.findPublished(withdrawnId)).resolves.toBeUndefined();
  });

  it('browses without words by model and fault, the guides that helped most first', async () => {
    expect(named(await search({}))).toEqual(['board', 'heat', 'fans']);
    expect(named(await search({ model: HYDRO }))).toEqual(['board', 'heat']);
    expect(named(await search({ category: 'fan' }))).toEqual(['fans']);
    const result = await repository.search({ limit: 20 });
    expect(result.models).toEqual([D1, HYDRO, 'VolcMiner D1 Lite']);
    expect(result.guides[0]).toMatchObject({
      title: board.title,
      excerpt: { en: 'Reseat the ribbon cable of the missing chain.' },
      feedback: { helpful: 2, notHelpful: 0 },
    });
  });

  it('finds nothing for words no guide has, and for punctuation alone', async () => {
    expect(await search({ q: 'wallet 区块链' })).toEqual([]);
    expect(named(await search({ q: '？！ …' }))).toEqual(['board', 'heat', 'fans']);
  });

  it('rebuilds the guides, their versions, search terms and feedback into exactly the rows kept live', async () => {
    const table = async (name: string, order: string) =>
      rowsOf(await connection.db.execute(sql.raw(`select * from consultation.${name} order by ${order}`)));
    const readModel = async () => ({
      guides: await table('guides', 'id'),
      versions: await table('guide_versions', 'guide_id, version'),
      terms: await table('guide_terms', 'guide_id, term'),
      feedback: await table('guide_feedback', 'guide_id, customer_id'),
    });
    const live = await readModel();
    expect(live.versions).toHaveLength(10);
    const runner = new ProjectionRunner(connection.db, 'consultation');
    await runner.rebuild(guidesProjection);
    await runner.rebuild(guideFeedbackProjection);
    expect(await readModel()).toEqual(live);
  });
});
