import { describe, expect, it } from '@jest/globals';
import type { RepairOrderDetail, TimelineEntry } from '@aftersales/contracts/repair-orders';
import { repairReportOf } from './repair-report';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);
let seq = 0;
const entry = (type: string, at: string, lines: string[], details: object): TimelineEntry => ({
  seq: ++seq,
  type,
  at,
  actor: 'user:engineer',
  deviceOrderNos: lines,
  details: details as Record<string, unknown>,
});

const order: RepairOrderDetail = {
  id: '5b7f7c1e-9d0a-4a43-9a4c-0d3c7b6b2f10',
  diagnosisCode: 'ZH0090Gd',
  consultationId: '0f1d9e3a-2b4c-4d5e-8f60-718293a4b5c6',
  customerId: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  status: 'returned',
  version: 7,
  repairPointId: 'rp-shenzhen',
  openedAt: '2026-11-01T08:00:00.000Z',
  submittedAt: '2026-11-02T08:00:00.000Z',
  lines: [
    {
      deviceOrderNo: A,
      sn: 'ZH10014510045',
      model: 'VolcMiner D1',
      status: 'returned',
      photos: [],
      receiptPhotos: [],
      returnShipment: {
        carrier: 'sf-express',
        trackingNumber: 'SF9876543210987',
        at: '2026-11-09T08:00:00.000Z',
      },
    },
    {
      deviceOrderNo: B,
      sn: 'ZH21315080007',
      model: 'VolcMiner D1',
      status: 'missing',
      photos: [],
      receiptPhotos: [],
    },
  ],
  timeline: [
    entry('MailInSubmitted', '2026-11-02T08:00:00.000Z', [A, B], { repairPointId: 'rp-shenzhen' }),
    entry('DeviceReceived', '2026-11-04T08:00:00.000Z', [A], { outcome: 'received' }),
    entry('DeviceReceived', '2026-11-04T08:01:00.000Z', [B], { outcome: 'missing', note: 'not in the box' }),
    entry('RepairProgressRecorded', '2026-11-05T08:00:00.000Z', [A], {
      faults: [{ component: 'hash_board', position: 2, chips: ['U12'] }],
      partsReplaced: [],
      test: { passed: false, burnInHours: 2 },
    }),
    entry('RepairProgressRecorded', '2026-11-06T08:00:00.000Z', [A], {
      faults: [],
      partsReplaced: [{ part: 'BM1366 chip', quantity: 1 }],
      test: { passed: true, burnInHours: 24 },
      note: 'chip replaced',
      result: 'repaired',
    }),
    entry('DeviceReturned', '2026-11-09T08:00:00.000Z', [A], {
      deviceOrderNos: [A],
      carrier: 'sf-express',
      trackingNumber: 'SF9876543210987',
    }),
  ],
};

describe("a device line's repair report", () => {
  it('gathers what was found and done on that machine, the last test, the result and the dates', () => {
    const report = repairReportOf(order, A)!;
    expect(report.receipt).toEqual({ at: '2026-11-04T08:00:00.000Z', outcome: 'received' });
    expect(report.faults).toEqual([{ component: 'hash_board', position: 2, chips: ['U12'] }]);
    expect(report.partsReplaced).toEqual([{ part: 'BM1366 chip', quantity: 1 }]);
    expect(report.test).toEqual({ passed: true, burnInHours: 24 });
    expect(report.result).toBe('repaired');
    expect(report.entries.map((e) => e.at)).toEqual(['2026-11-05T08:00:00.000Z', '2026-11-06T08:00:00.000Z']);
    expect(report.returned).toEqual({
      carrier: 'sf-express',
      trackingNumber: 'SF9876543210987',
      at: '2026-11-09T08:00:00.000Z',
    });
    expect(report.submittedAt).toBe('2026-11-02T08:00:00.000Z');
    expect(report.repairPointId).toBe('rp-shenzhen');
  });

  it("holds nothing of another line's repair", () => {
    const report = repairReportOf(order, B)!;
    expect(report.receipt).toEqual({
      at: '2026-11-04T08:01:00.000Z',
      outcome: 'missing',
      note: 'not in the box',
    });
    expect(report.entries).toEqual([]);
    expect(report.returned).toBeUndefined();
  });

  it('is none for a line the order does not hold', () => {
    expect(repairReportOf(order, 'c'.repeat(32))).toBeUndefined();
  });
});
