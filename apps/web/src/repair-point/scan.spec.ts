import { describe, expect, it } from '@jest/globals';
import type { DeviceLine, RepairOrder } from '@aftersales/contracts/repair-orders';
import { scanLine, stillExpected } from './scan';

const line = (sn: string, status: DeviceLine['status']): DeviceLine => ({
  deviceOrderNo: sn
    .toLowerCase()
    .padEnd(32, '0')
    .replace(/[^0-9a-f]/g, 'a'),
  sn,
  model: 'VolcMiner D1',
  status,
  photos: [],
  receiptPhotos: [],
});
const order = {
  lines: [
    line('ZH10014510045', 'received'),
    line('ZH21315080007', 'awaiting_receipt'),
    line('ZH30022010001', 'missing'),
    line('ZH30022010002', 'awaiting_receipt'),
    line('ZH40051230009', 'cancelled'),
  ],
} as RepairOrder;

describe('scanning the machines of a parcel', () => {
  it('receives a machine the parcel should hold, typed in any case or with spaces', () => {
    expect(scanLine(order, ' zh2131 5080007 ')).toMatchObject({
      kind: 'receive',
      line: { sn: 'ZH21315080007' },
    });
  });

  it('receives a machine reported missing that turned up after all', () => {
    expect(scanLine(order, 'ZH30022010001')).toMatchObject({ kind: 'receive' });
  });

  it('does nothing for a machine scanned before', () => {
    expect(scanLine(order, 'ZH10014510045')).toMatchObject({ kind: 'already' });
  });

  it('names a machine that is not on the order, or was taken off it', () => {
    expect(scanLine(order, 'ZH99999999999')).toEqual({ kind: 'unknown', sn: 'ZH99999999999' });
    expect(scanLine(order, 'ZH40051230009')).toEqual({ kind: 'unknown', sn: 'ZH40051230009' });
  });

  it('counts the machines still expected', () => {
    expect(stillExpected(order)).toBe(2);
  });
});
