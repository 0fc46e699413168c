import { describe, expect, it } from '@jest/globals';
import { ConflictError, InvalidError, NotFoundError } from '@aftersales/contracts/common';
import type { GuideContent } from '@aftersales/contracts/consultation';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { changedFields, type GuideCommand, guideDecider, type GuideEvent } from './guide.js';

const spec = DeciderSpecification.for(guideDecider);

const ID = '9a1b2c3d-4e5f-4a6b-8c7d-000000000001';
const AGENT = '7e2d3c4b-2222-4ccc-9ddd-000000000001';
const ADMIN = '7e2d3c4b-2222-4ccc-9ddd-000000000002';
const T1 = '2026-11-28T08:00:00.000Z';
const T2 = '2026-11-28T09:00:00.000Z';

const metadata = (now: string) => ({
  actor: 'user:x',
  commandId: `command-${now}`,
  correlationId: 'correlation-1',
  causationId: 'correlation-1',
  now,
});

const fans: GuideContent = {
  title: { 'zh-CN': '散热风扇故障', en: 'Cooling fan failure' },
  body: { 'zh-CN': '1. 断电后检查风扇线。', en: '1. Power off, then check the fan cable.' },
  models: ['VolcMiner D1', 'VolcMiner D1 Lite'],
  category: 'fan',
  symptoms: ['ERROR_FAN_LOST', '风扇转速为 0'],
};
const fansRevised: GuideContent = {
  ...fans,
  body: { ...fans.body, en: '1. Power off. 2. Reseat the fan connector.' },
  symptoms: [...fans.symptoms, 'fan speed 0 rpm'],
};

const command = (type: GuideCommand['type'], data: object, now = T2) =>
  ({ type, data: { guideId: ID, userId: ADMIN, ...data }, metadata: metadata(now) }) as GuideCommand;
const create = (content: GuideContent = fans) => command('CreateGuide', { content, userId: AGENT }, T1);
const edit = (content: GuideContent) => command('EditGuide', { content });
const publish = () => command('PublishGuide', {});
const withdraw = () => command('WithdrawGuide', {});

const created: GuideEvent = {
  type: 'GuideCreated',
  data: { guideId: ID, content: fans, createdBy: AGENT, createdAt: T1 },
};
const published = (content = fans): GuideEvent => ({
  type: 'GuidePublished',
  data: { guideId: ID, content, publishedBy: ADMIN, publishedAt: T1 },
});
const edited: GuideEvent = {
  type: 'GuideEdited',
  data: { guideId: ID, content: fansRevised, editedBy: ADMIN, editedAt: T1 },
};
const withdrawn: GuideEvent = {
  type: 'GuideWithdrawn',
  data: { guideId: ID, withdrawnBy: ADMIN, withdrawnAt: T1 },
};

describe('writing a guide', () => {
  it('when none exists, creates it as a draft by its author, stamped with the command time', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('keeps words without the spaces around them, and each model and symptom once', () => {
    spec
      .given([])
      .when(
        create({
          ...fans,
          title: { 'zh-CN': ' 散热风扇故障 ', en: 'Cooling fan failure\n' },
          models: ['VolcMiner D1', ' VolcMiner D1 Lite', 'VolcMiner D1'],
          symptoms: ['ERROR_FAN_LOST', ' ', '风扇转速为 0', 'ERROR_FAN_LOST '],
        }),
      )
      .then([created]);
  });

  it('refuses a title or body of spaces in either language, or no model, naming the field', () => {
    spec
      .given([])
      .when(create({ ...fans, title: { ...fans.title, en: '  ' } }))
      .thenThrows(InvalidError, (e) => e.message === 'title.en: is required');
    spec
      .given([])
      .when(create({ ...fans, body: { ...fans.body, 'zh-CN': '\n' } }))
      .thenThrows(InvalidError, (e) => e.message === 'body.zh-CN: is required');
    spec
      .given([])
      .when(create({ ...fans, models: [' '] }))
      .thenThrows(InvalidError, (e) => e.code === 'guide_empty' && e.params?.field === 'models');
  });

  it('when it exists with the same content, creating it again changes nothing; other content is refused', () => {
    spec.given([created]).when(create()).then([]);
    spec
      .given([created])
      .when(create(fansRevised))
      .thenThrows(ConflictError, (e) => e.code === 'guide_exists' && e.params?.id === ID);
  });

  it('when the stored content comes back with its keys in another order, it is still the same', () => {
    const reordered: GuideEvent = {
      ...created,
      data: {
        ...created.data,
        content: { ...fans, title: { en: fans.title.en, 'zh-CN': fans.title['zh-CN'] } },
      },
    };
    spec.given([reordered]).when(create()).then([]);
    spec.given([reordered]).when(edit(fans)).then([]);
  });

  it('records an edit with the whole new content and its editor', () => {
    spec
      .given([created])
      .when(edit(fansRevised))
      .then([
        {
          type: 'GuideEdited',
          data: { guideId: ID, content: fansRevised, editedBy: ADMIN, editedAt: T2 },
        },
      ]);
  });

  it('when the content is the same, an edit records nothing', () => {
    spec.given([created, edited]).when(edit(fansRevised)).then([]);
  });

  it('when none exists, every change is refused as not found', () => {
    for (const change of [edit(fans), publish(), withdraw()]) {
      spec
        .given([])
        .when(change)
        .thenThrows(NotFoundError, (e) => e.code === 'guide_not_found');
    }
  });
});

describe('publishing a guide', () => {
  it('publishes a draft with the content readers will see', () => {
    spec
      .given([created])
      .when(publish())
      .then([
        { type: 'GuidePublished', data: { guideId: ID, content: fans, publishedBy: ADMIN, publishedAt: T2 } },
      ]);
  });

  it('when it is published as it is, publishing again changes nothing', () => {
    spec.given([created, published()]).when(publish()).then([]);
  });

  it('when it was edited after publishing, publishes the edited content', () => {
    spec
      .given([created, published(), edited])
      .when(publish())
      .then([
        {
          type: 'GuidePublished',
          data: { guideId: ID, content: fansRevised, publishedBy: ADMIN, publishedAt: T2 },
        },
      ]);
  });

  it('withdraws a published guide, and withdrawing a draft changes nothing', () => {
    spec
      .given([created, published()])
      .when(withdraw())
      .then([{ type: 'GuideWithdrawn', data: { guideId: ID, withdrawnBy: ADMIN, withdrawnAt: T2 } }]);
    spec.given([created]).when(withdraw()).then([]);
    spec.given([created, published(), withdrawn]).when(withdraw()).then([]);
  });

  it('when it was withdrawn, publishing puts it back', () => {
    spec
      .given([created, published(), withdrawn])
      .when(publish())
      .then([
        { type: 'GuidePublished', data: { guideId: ID, content: fans, publishedBy: ADMIN, publishedAt: T2 } },
      ]);
  });
});

describe('the changes between two versions', () => {
  it('names the parts that differ, and every part of a first version', () => {
    expect(changedFields(fans, fansRevised)).toEqual(['body', 'symptoms']);
    expect(changedFields(fans, fans)).toEqual([]);
    expect(changedFields(undefined, fans)).toEqual(['title', 'body', 'models', 'category', 'symptoms']);
  });
});
