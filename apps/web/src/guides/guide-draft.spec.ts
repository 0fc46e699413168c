import { describe, expect, it } from '@jest/globals';
import type { GuideContent } from '@aftersales/contracts/consultation';
import { changedSince, contentOf, draftOf, insertAt } from './guide-draft';

const saved: GuideContent = {
  title: { 'zh-CN': '风扇报错', en: 'Fan error' },
  body: { 'zh-CN': '1. 断电。', en: '1. Power off.' },
  models: ['VolcMiner D1', 'VolcMiner D1 Lite'],
  category: 'fan',
  symptoms: ['ERROR_FAN_LOST'],
};

describe('the guide editor’s fields', () => {
  it('hold models and symptoms one per line, blank lines and spaces dropped', () => {
    const draft = { ...draftOf(saved), models: ' VolcMiner D1 \n\nVolcMiner D1 Lite\n' };
    expect(contentOf(draft)).toEqual(saved);
  });

  it('count as changed only when the server would keep something else', () => {
    expect(changedSince(draftOf(saved), saved)).toBe(false);
    expect(changedSince({ ...draftOf(saved), title: { ...saved.title, en: ' Fan error ' } }, saved)).toBe(
      false,
    );
    expect(changedSince({ ...draftOf(saved), symptoms: 'ERROR_FAN_LOST\nfan 0 rpm' }, saved)).toBe(true);
    expect(changedSince(draftOf(saved), undefined)).toBe(true);
  });
});

describe('inserting an image into the body', () => {
  it('puts it on a line of its own at the cursor, and moves the cursor after it', () => {
    expect(insertAt('1. 断电。\n2. 拔插头。', 6, '![插头](/api/guide-images/x)')).toEqual({
      value: '1. 断电。\n![插头](/api/guide-images/x)\n2. 拔插头。',
      cursor: 33,
    });
    expect(insertAt('Step', undefined, '![a](b)')).toEqual({ value: 'Step\n![a](b)\n', cursor: 13 });
  });
});
