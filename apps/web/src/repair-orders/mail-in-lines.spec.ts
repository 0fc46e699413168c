import { describe, expect, it } from '@jest/globals';
import {
  type FormLine,
  formReady,
  linesToCheck,
  modelsOf,
  viewLines,
  withChecks,
  withRefusals,
} from './mail-in-lines';

const line = (key: number, input: string, fault = 'no hashrate'): FormLine => ({
  key,
  input,
  fault,
  photos: [],
});
const fine = (sn: string, model = 'VolcMiner D1') => ({ input: sn, sn, model });

describe('the lines of the mail-in form', () => {
  it('checks each machine once: a repeat of an earlier line is a duplicate without asking the server', () => {
    const lines = [line(1, 'ZH10014510045'), line(2, 'zh1001 4510045'), line(3, 'ZH21315080007')];
    expect(linesToCheck(lines).map((l) => l.key)).toEqual([1, 3]);
    expect(viewLines(lines).map((l) => l.problem)).toEqual([undefined, 'duplicate', undefined]);
  });

  it('when the first of two equal lines is removed, the second is checked in its place', () => {
    const lines = withChecks(
      [line(1, 'ZH10014510045'), line(2, 'ZH10014510045')],
      [{ key: 1, check: fine('ZH10014510045') }],
    );
    expect(linesToCheck(lines)).toEqual([]);
    expect(linesToCheck(lines.slice(1)).map((l) => l.key)).toEqual([2]);
  });

  it('shows each server check on its own line, and keeps a line removed while it was being checked removed', () => {
    const lines = [line(1, 'ZH10014510045'), line(3, 'ZH21315080006')];
    const checked = withChecks(lines, [
      { key: 1, check: fine('ZH10014510045') },
      { key: 2, check: fine('ZH30022010001') },
      { key: 3, check: { ...fine('ZH21315080006'), problem: 'out_of_warranty' } },
    ]);
    expect(viewLines(checked).map((l) => [l.key, l.model, l.problem])).toEqual([
      [1, 'VolcMiner D1', undefined],
      [3, 'VolcMiner D1', 'out_of_warranty'],
    ]);
  });

  it('puts the problems the server refused on submit beside the lines by their index', () => {
    const lines = withChecks(
      [line(1, 'ZH10014510045'), line(2, 'ZH30022010001')],
      [
        { key: 1, check: fine('ZH10014510045') },
        { key: 2, check: fine('ZH30022010001', 'VolcMiner D1 Mini') },
      ],
    );
    const refused = withRefusals(lines, [
      {
        index: 1,
        input: 'ZH30022010001',
        sn: 'ZH30022010001',
        problem: 'in_another_order',
        diagnosisCode: 'AB12cd34',
      },
    ]);
    expect(viewLines(refused).map((l) => l.problem)).toEqual([undefined, 'in_another_order']);
    expect(refused[1]!.check?.diagnosisCode).toBe('AB12cd34');
  });

  it('is ready only when every line is checked, fine and describes its fault', () => {
    const checked = withChecks(
      [line(1, 'ZH10014510045'), line(2, 'ZH30022010001')],
      [
        { key: 1, check: fine('ZH10014510045') },
        { key: 2, check: fine('ZH30022010001', 'VolcMiner D1 Mini') },
      ],
    );
    expect(formReady(viewLines(checked))).toBe(true);
    expect(formReady(viewLines([checked[0]!, { ...checked[1]!, fault: ' ' }]))).toBe(false);
    expect(formReady(viewLines([checked[0]!, line(3, 'ZH40051230009')]))).toBe(false);
    expect(formReady([])).toBe(false);
    expect(modelsOf(viewLines(checked))).toEqual(['VolcMiner D1', 'VolcMiner D1 Mini']);
  });
});
