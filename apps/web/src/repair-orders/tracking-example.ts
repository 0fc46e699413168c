import { type TrackingRule, trackingNumberProblem } from '@aftersales/contracts/logistics';

type Part = { kind: 'literal'; text: string } | { kind: 'digit' } | { kind: 'letter' };

/** A character class by what it allows: digits where it allows them, else capital letters. */
function classOf(set: string): Part | undefined {
  if (set.startsWith('^')) return undefined;
  if (/0-9|\\d/.test(set)) return { kind: 'digit' };
  return set.includes('A-Z') ? { kind: 'letter' } : undefined;
}

/** A pattern's first alternative as a row of parts, or nothing when it uses more than counts and classes. */
function partsOf(pattern: string): Part[] | undefined {
  const alternative = pattern.split('|')[0] ?? '';
  const parts: Part[] = [];
  let i = 0;
  while (i < alternative.length) {
    let part: Part;
    const char = alternative[i]!;
    if (char === '\\') {
      const escaped = alternative[i + 1];
      if (escaped === undefined || /[a-ce-zA-Z]/.test(escaped)) return undefined;
      part = escaped === 'd' ? { kind: 'digit' } : { kind: 'literal', text: escaped };
      i += 2;
    } else if (char === '[') {
      const end = alternative.indexOf(']', i);
      if (end < 0) return undefined;
      const set = classOf(alternative.slice(i + 1, end));
      if (!set) return undefined;
      part = set;
      i = end + 1;
    } else if ('()*+?.^$'.includes(char)) {
      return undefined;
    } else {
      part = { kind: 'literal', text: char };
      i += 1;
    }
    const count = /^\{(\d+)(?:,\d*)?\}/.exec(alternative.slice(i));
    if (count) i += count[0].length;
    for (let n = Number(count?.[1] ?? 1); n > 0; n--) parts.push(part);
  }
  return parts;
}

/**
 * A number that fits the carrier's rule, to show as an example: the pattern's first alternative written
 * out (digits counting up, letters from A), then its check digit made right. Nothing for a pattern
 * beyond literal characters, `\d`, classes and counts.
 */
export function exampleNumber(rule: TrackingRule): string | undefined {
  const parts = partsOf(rule.pattern);
  if (!parts || parts.length === 0) return undefined;
  let digits = 0;
  let letters = 0;
  const example = parts
    .map((part) => {
      if (part.kind === 'literal') return part.text;
      if (part.kind === 'digit') return String(++digits % 10);
      return String.fromCharCode(65 + (letters++ % 26));
    })
    .join('');
  const last = example.search(/\d(?=\D*$)/);
  const otherCheckDigits =
    last < 0 ? [] : [...'0123456789'].map((d) => example.slice(0, last) + d + example.slice(last + 1));
  const candidates = [example, ...otherCheckDigits];
  try {
    return candidates.find((candidate) => trackingNumberProblem(rule, candidate) === undefined);
  } catch {
    // A pattern being typed on the admin page need not compile yet.
    return undefined;
  }
}
