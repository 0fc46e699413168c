import { describe, expect, it } from '@jest/globals';
import type { GuideContent } from '@aftersales/contracts/consultation';
import { excerptOf, plainText, queryTerms, stem, termsOf } from './guide-search-terms.js';

const guide: GuideContent = {
  title: { 'zh-CN': '散热风扇故障', en: 'Cooling fans stopped' },
  body: {
    'zh-CN': '## 步骤\n1. 断电。\n![风扇接口](/api/guide-images/0b6f1c52-3f7a-4d43-9b7e-2f1d7c9e4a10)',
    en: 'Check the **fan** cable, then see [the manual](https://example.com/manual).',
  },
  models: ['VolcMiner D1'],
  category: 'fan',
  symptoms: ['ERROR_FAN_LOST'],
};

describe('the terms a guide is found by', () => {
  const terms = termsOf(guide);

  it('cuts Chinese into every pair of neighbouring characters, so a word inside a phrase is a term', () => {
    expect(['散热', '热风', '风扇', '扇故', '故障'].map((t) => terms.get(t))).toEqual([3, 3, 3, 3, 3]);
  });

  it('keeps an error code whole and by its parts, English words by their stem', () => {
    expect(terms.get('error_fan_lost')).toBe(3);
    expect(terms.get('lost')).toBe(3);
    expect(terms.get('fan')).toBe(3);
    expect(terms.get('stop')).toBe(3);
    expect(terms.get('cable')).toBe(1);
  });

  it('leaves out stop words and the addresses of images and links', () => {
    expect(terms.has('the')).toBe(false);
    expect([...terms.keys()].some((t) => t.includes('example') || t.includes('api'))).toBe(false);
    expect(terms.get('manual')).toBe(1);
  });

  it('reads full-width letters as ASCII', () => {
    expect(queryTerms('ＥＲＲＯＲ＿ＦＡＮ＿ＬＯＳＴ')[0]).toEqual({ term: 'error_fan_lost', fuzzy: false });
  });
});

describe('the terms of a search', () => {
  it('matches an English word by its stem as a prefix, and near spellings', () => {
    expect(queryTerms('Overheating')).toEqual([{ term: 'overheat', pattern: 'overheat%', fuzzy: true }]);
  });

  it('matches a Chinese word by its pairs, and a single character anywhere', () => {
    expect(queryTerms('风扇不转').map((t) => t.term)).toEqual(['风扇', '扇不', '不转']);
    expect(queryTerms('扇')).toEqual([{ term: '扇', pattern: '%扇%', fuzzy: false }]);
  });

  it('never passes a LIKE wildcard through: `%` and `_` end a word', () => {
    expect(queryTerms('e_02 50%')).toEqual([
      { term: 'e_02', fuzzy: false },
      { term: '02', pattern: '02%', fuzzy: false },
      { term: '50', pattern: '50%', fuzzy: false },
    ]);
  });
});

describe('stems', () => {
  it.each([
    ['fans', 'fan'],
    ['detected', 'detect'],
    ['stopped', 'stop'],
    ['running', 'run'],
    ['batteries', 'battery'],
    ['speed', 'speed'],
    ['status', 'status'],
    ['d1', 'd1'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('plain text of Markdown', () => {
  it('keeps what a reader sees, and cuts an excerpt at 140 characters', () => {
    expect(plainText(guide.body.en)).toBe('Check the fan cable, then see the manual.');
    const long = excerptOf({ 'zh-CN': '热'.repeat(200), en: 'short' });
    expect([...long['zh-CN']]).toHaveLength(141);
    expect(long.en).toBe('short');
  });
});
