import { describe, expect, it } from '@jest/globals';
import { progressRequestSchema } from '@aftersales/contracts/repair-orders';
import { emptyFault, emptyPart, emptyProgress, progressOf } from './progress-draft';

describe("an engineer's repair record, as typed into the form", () => {
  it('becomes the progress the API takes: a hash board with its slot and chips, a part, a burn-in and the result', () => {
    const typed = progressOf({
      ...emptyProgress,
      faults: [{ ...emptyFault, component: 'hash_board', position: '2', chips: 'U12, U13，U40' }],
      parts: [{ part: 'BM1366 chip', quantity: '3' }],
      tested: true,
      burnInHours: '24',
      hashrate: '110 TH/s',
      result: 'repaired',
    });
    expect(typed).toEqual({
      progress: {
        faults: [{ component: 'hash_board', position: 2, chips: ['U12', 'U13', 'U40'] }],
        partsReplaced: [{ part: 'BM1366 chip', quantity: 3 }],
        test: { passed: true, burnInHours: 24, hashrate: '110 TH/s' },
        result: 'repaired',
      },
    });
    // What the form sends is what the gateway accepts.
    expect(progressRequestSchema.safeParse((typed as { progress: unknown }).progress).success).toBe(true);
  });

  it('asks for the slot of a hash board, a valid chip label and a named part before sending', () => {
    expect(
      progressOf({
        ...emptyProgress,
        faults: [
          { ...emptyFault, component: 'hash_board', chips: 'U12 not/a/chip' },
          { ...emptyFault, component: 'fan', position: '17' },
        ],
        parts: [{ ...emptyPart, quantity: '0' }],
      }),
    ).toEqual({
      problems: [
        { problem: 'positionNeeded', fault: 0 },
        { problem: 'chipInvalid', fault: 0 },
        { problem: 'positionInvalid', fault: 1 },
        { problem: 'partNeeded', part: 0 },
        { problem: 'quantityInvalid', part: 0 },
      ],
    });
  });

  it('refuses a record that says nothing; a note alone is enough', () => {
    expect(progressOf(emptyProgress)).toEqual({ problems: [{ problem: 'empty' }] });
    expect(progressOf({ ...emptyProgress, note: ' waiting for a PSU ' })).toEqual({
      progress: { faults: [], partsReplaced: [], note: 'waiting for a PSU' },
    });
  });
});
