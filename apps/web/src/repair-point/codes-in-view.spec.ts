import { describe, expect, it } from '@jest/globals';
import { codesInView } from './codes-in-view';

describe('the codes a camera reads, frame after frame', () => {
  it('takes a label held in view as one scan', () => {
    const read = codesInView(1_000);
    expect(read(['ZH10014510045'], 0)).toEqual(['ZH10014510045']);
    expect(read(['ZH10014510045'], 150)).toEqual([]);
    expect(read(['ZH10014510045'], 300)).toEqual([]);
  });

  it('keeps it one scan across frames that miss it for a moment', () => {
    const read = codesInView(1_000);
    read(['ZH10014510045'], 0);
    expect(read([], 150)).toEqual([]);
    expect(read([], 900)).toEqual([]);
    expect(read(['ZH10014510045'], 1_000)).toEqual([]);
    // Each read keeps it in view a while longer.
    expect(read(['ZH10014510045'], 1_900)).toEqual([]);
  });

  it('scans a label again once it was out of view', () => {
    const read = codesInView(1_000);
    read(['ZH10014510045'], 0);
    expect(read([], 600)).toEqual([]);
    expect(read(['ZH10014510045'], 1_200)).toEqual(['ZH10014510045']);
  });

  it('scans each new label of a frame once, beside one already in view', () => {
    const read = codesInView(1_000);
    read(['ZH10014510045'], 0);
    expect(read(['ZH10014510045', 'ZH21315080007', 'ZH30022010001', 'ZH21315080007'], 150)).toEqual([
      'ZH21315080007',
      'ZH30022010001',
    ]);
  });

  it('ignores an empty read', () => {
    expect(codesInView()([''], 0)).toEqual([]);
  });
});
