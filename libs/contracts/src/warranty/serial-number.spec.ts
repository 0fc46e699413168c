import { describe, expect, it } from '@jest/globals';
import { serialNumberSchema } from './serial-number.js';

describe('serial number', () => {
  it('ignores case and whitespace the customer typed or pasted', () => {
    expect(serialNumberSchema.parse(' zh1001 4510045\t')).toBe('ZH10014510045');
  });

  it.each([
    ['too short', 'ZH1'],
    ['punctuation', 'ZH-10014510045'],
    ['too long', 'Z'.repeat(33)],
    ['empty', '   '],
  ])('refuses an SN with %s and says what a valid one looks like', (_, raw) => {
    const result = serialNumberSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/must be 6 to 32 letters and digits/);
  });
});
