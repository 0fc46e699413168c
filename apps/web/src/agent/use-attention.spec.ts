import { describe, expect, it } from '@jest/globals';
import { titleWithCount } from './use-attention';

describe("the agent console's tab title", () => {
  it('shows what waits in front of the title, and the bare title when nothing does', () => {
    expect(titleWithCount('客服工作台', 3)).toBe('(3) 客服工作台');
    expect(titleWithCount('客服工作台', 0)).toBe('客服工作台');
  });
});
