import type { GuideContent, LocalizedText } from '@aftersales/contracts/consultation';

/**
 * The words a guide is found by, and the words of a search, made the same way so that they meet:
 * Chinese (no spaces between words) as every pair of neighbouring characters, so "散热" is found inside
 * "散热风扇故障"; other languages as words, English ones cut to a stem ("overheating" → "overheat") and
 * matched as prefixes; error codes (`ERROR_FAN_LOST`, `E-02`) whole and by their parts.
 */

const HAN = String.raw`\p{Script=Han}`;
const LETTER = String.raw`(?:(?!${HAN})[\p{L}\p{N}])`;
/** A run of Chinese characters, or a word, or words joined by `-_.:` (an error code, a version). */
const TOKEN = new RegExp(String.raw`(${HAN}+)|(${LETTER}+(?:[-_.:]${LETTER}+)*)`, 'gu');

const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can cannot do does for from has have how i if in into is it its ' +
    'me my no not of on or our so than that the then there this to was what when which why will with ' +
    'you your'
  ).split(' '),
);

/** Where a term is found weighs how well it names the guide. */
export const TERM_WEIGHT = { title: 3, symptoms: 3, models: 1, body: 1 } as const;

/** Full-width letters and digits as ASCII (ＥＲＲＯＲ → error), one case. */
const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

/** A light English stemmer: enough that "fans", "detected" and "overheating" meet "fan", "detect", "overheat". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  for (const [suffix, shortest] of [
    ['ing', 3],
    ['ed', 4],
  ] as const) {
    const base = word.slice(0, -suffix.length);
    if (word.endsWith(suffix) && base.length >= shortest) {
      // "stopped" → "stop", "running" → "run"; but "falling" keeps its "ll".
      return /([^aeioulsz])\1$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Every pair of neighbouring characters of a Chinese run; a single character stands alone. */
function bigrams(run: string): string[] {
  const characters = [...run];
  if (characters.length === 1) return characters;
  return characters.slice(1).map((c, i) => characters[i] + c);
}

interface Token {
  kind: 'han' | 'word' | 'code';
  text: string;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const [, han, word] of normalize(text).matchAll(TOKEN)) {
    if (han) {
      found.push({ kind: 'han', text: han });
      continue;
    }
    const parts = word!.split(/[-_.:]/);
    if (parts.length > 1) found.push({ kind: 'code', text: word! });
    for (const part of parts) {
      if (part.length > 1 && !STOP_WORDS.has(part)) found.push({ kind: 'word', text: part });
    }
  }
  return found;
}

function termsOfText(text: string): string[] {
  return tokens(text).flatMap((token) => {
    switch (token.kind) {
      case 'han':
        return bigrams(token.text);
      case 'code':
        return [token.text];
      case 'word':
        return [stem(token.text)];
    }
  });
}

/** Markdown as the words a reader sees: no image or link addresses, tags or markup. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const EXCERPT_CHARACTERS = 140;

/** The first words of a guide's body, for lists. */
export function excerptOf(body: LocalizedText): LocalizedText {
  const cut = (markdown: string) => {
    const characters = [...plainText(markdown)];
    return characters.length <= EXCERPT_CHARACTERS
      ? characters.join('')
      : `${characters.slice(0, EXCERPT_CHARACTERS).join('').trimEnd()}…`;
  };
  return { 'zh-CN': cut(body['zh-CN']), en: cut(body.en) };
}

/** The terms a guide is found by, each with the weight of the most telling place it appears in. */
export function termsOf(content: GuideContent): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const term of termsOfText(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  };
  const both = (text: LocalizedText) => `${text['zh-CN']}\n${text.en}`;
  add(both(content.title), TERM_WEIGHT.title);
  content.symptoms.forEach((symptom) => add(symptom, TERM_WEIGHT.symptoms));
  content.models.forEach((model) => add(model, TERM_WEIGHT.models));
  add(plainText(content.body['zh-CN']), TERM_WEIGHT.body);
  add(plainText(content.body.en), TERM_WEIGHT.body);
  return weights;
}

/**
 * One term of a search. It matches a guide's term equal to it; with `pattern` also those the pattern
 * (SQL `LIKE`) matches, a word's prefix or a single Chinese character anywhere; with `fuzzy` also those
 * close to it by trigram similarity (a typo).
 */
export interface QueryTerm {
  term: string;
  pattern?: string;
  fuzzy: boolean;
}

/** A first message may be long: its first terms say enough. */
const MAX_QUERY_TERMS = 32;

/** A pattern holds letters and digits only (`%`, `_` and backslashes end a token): never a wildcard. */
export function queryTerms(query: string): QueryTerm[] {
  const terms = new Map<string, QueryTerm>();
  const add = (term: QueryTerm) => {
    if (!terms.has(term.term)) terms.set(term.term, term);
  };
  for (const token of tokens(query)) {
    if (token.kind === 'code') add({ term: token.text, fuzzy: false });
    else if (token.kind === 'word') {
      const stemmed = stem(token.text);
      add({ term: stemmed, pattern: `${stemmed}%`, fuzzy: stemmed.length >= 4 });
    } else if ([...token.text].length === 1) {
      add({ term: token.text, pattern: `%${token.text}%`, fuzzy: false });
    } else bigrams(token.text).forEach((term) => add({ term, fuzzy: false }));
  }
  return [...terms.values()].slice(0, MAX_QUERY_TERMS);
}
