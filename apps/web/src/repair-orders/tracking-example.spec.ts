import { describe, expect, it } from '@jest/globals';
import { trackingNumberProblem } from '@aftersales/contracts/logistics';
import { exampleNumber } from './tracking-example';

describe('the example number shown beside the tracking number', () => {
  it('writes out the first alternative of a pattern without a check digit', () => {
    expect(exampleNumber({ pattern: 'SF\\d{13}|\\d{12}' })).toBe('SF1234567890123');
    expect(exampleNumber({ pattern: 'YT\\d{13}' })).toBe('YT1234567890123');
  });

  it('makes the check digit right for carriers that define one', () => {
    // 123456789 mod 7 is 1.
    expect(exampleNumber({ pattern: '\\d{10}', checkDigit: 'mod7' })).toBe('1234567891');
    // S10: 1·8 + 2·6 + 3·4 + 4·2 + 5·3 + 6·5 + 7·9 + 8·7 = 204; 11 − 204 mod 11 = 5.
    expect(exampleNumber({ pattern: '[A-Z]{2}\\d{9}[A-Z]{2}|\\d{13}', checkDigit: 'upu_s10' })).toBe(
      'AB123456785CD',
    );
    for (const rule of [
      { pattern: '\\d{12}', checkDigit: 'fedex_12' as const },
      { pattern: '1Z[0-9A-Z]{16}', checkDigit: 'ups_1z' as const },
    ]) {
      const example = exampleNumber(rule);
      expect(example).toBeDefined();
      expect(trackingNumberProblem(rule, example!)).toBeUndefined();
    }
  });

  it('gives none for a pattern beyond literals, classes and counts, or one that does not compile', () => {
    expect(exampleNumber({ pattern: 'SF\\w+' })).toBeUndefined();
    expect(exampleNumber({ pattern: '(SF|JD)\\d{12}' })).toBeUndefined();
    expect(exampleNumber({ pattern: '[A-Z' })).toBeUndefined();
  });
});
