import { describe, expect, it } from '@jest/globals';
import { splitSerialNumbers } from './sn-list';

describe('a pasted list of SNs', () => {
  it('takes one SN a line, from a spreadsheet column with Windows line ends and blank lines', () => {
    expect(splitSerialNumbers('ZH10014510045\r\n\r\nZH21315080006\r\n')).toEqual([
      'ZH10014510045',
      'ZH21315080006',
    ]);
  });

  it('takes SNs separated by commas, semicolons and spaces, full-width ones too', () => {
    expect(splitSerialNumbers('ZH1, ZH2；ZH3，ZH4 ZH5\tZH6、ZH7')).toEqual([
      'ZH1',
      'ZH2',
      'ZH3',
      'ZH4',
      'ZH5',
      'ZH6',
      'ZH7',
    ]);
  });

  it('keeps malformed tokens, for the server to flag them', () => {
    expect(splitSerialNumbers('ZH-1 ZH10014510045')).toEqual(['ZH-1', 'ZH10014510045']);
  });

  it('finds nothing in blank text', () => {
    expect(splitSerialNumbers(' \n ')).toEqual([]);
  });
});
