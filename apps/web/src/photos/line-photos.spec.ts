import { describe, expect, it } from '@jest/globals';
import type { RepairOrderDetail } from '@aftersales/contracts/repair-orders';
import { photoCount, photosOfLine } from './line-photos';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
const photo = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const progress = (deviceOrderNo: string, photos?: string[]) => ({
  seq: 1,
  type: 'RepairProgressRecorded',
  at: '2026-11-05T08:00:00.000Z',
  actor: 'user:engineer',
  deviceOrderNos: [deviceOrderNo],
  details: { deviceOrderNo, faults: [], partsReplaced: [], ...(photos ? { photos } : {}) },
});

const order = {
  lines: [
    {
      deviceOrderNo: A,
      sn: 'ZH10014510045',
      model: 'VolcMiner D1',
      status: 'repairing',
      photos: [photo(1)],
      receiptPhotos: [photo(2)],
    },
    {
      deviceOrderNo: B,
      sn: 'ZH10014510046',
      model: 'VolcMiner D1',
      status: 'repairing',
      photos: [],
      receiptPhotos: [],
    },
  ],
  timeline: [
    progress(A, [photo(3)]),
    progress(B, [photo(9)]),
    progress(A),
    progress(A, [photo(4), photo(5)]),
  ],
} as unknown as RepairOrderDetail;

describe('the photos of a device line', () => {
  it('gathers the form’s, the receipt’s and every repair step’s photos of that line only', () => {
    const photos = photosOfLine(order, A);
    expect(photos).toEqual({
      form: [photo(1)],
      receipt: [photo(2)],
      repair: [photo(3), photo(4), photo(5)],
    });
    expect(photoCount(photos)).toBe(5);
  });

  it('has none for a line without photos or not on the order', () => {
    expect(photosOfLine(order, B)).toEqual({ form: [], receipt: [], repair: [photo(9)] });
    expect(photoCount(photosOfLine(order, 'c'.repeat(32)))).toBe(0);
  });
});
