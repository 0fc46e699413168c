import { describe, expect, it } from '@jest/globals';
import type { ShipmentView } from '@aftersales/contracts/logistics';
import type { DeviceLine, RepairOrder } from '@aftersales/contracts/repair-orders';
import { newerShipments, parcelsOf } from './parcels';

const no = (n: number) => String(n).repeat(32);
const line = (n: number, returnShipment?: DeviceLine['returnShipment']): DeviceLine => ({
  deviceOrderNo: no(n),
  sn: `ZH1001451004${n}`,
  model: 'VolcMiner D1',
  status: returnShipment ? 'returned' : 'repairing',
  photos: [],
  receiptPhotos: [],
  ...(returnShipment ? { returnShipment } : {}),
});
const order = (lines: DeviceLine[], outbound = 'SF1234567890123'): RepairOrder => ({
  id: '6f1c0d3e-8a4b-4c2d-9e0f-1a2b3c4d5e6f',
  diagnosisCode: 'ZH0090Gd',
  consultationId: '7f1c0d3e-8a4b-4c2d-9e0f-1a2b3c4d5e6f',
  customerId: '8f1c0d3e-8a4b-4c2d-9e0f-1a2b3c4d5e6f',
  status: 'repairing',
  version: 7,
  lines,
  repairPointId: 'rp-shenzhen',
  outboundShipment: { carrier: 'sf-express', trackingNumber: outbound, at: '2026-11-20T08:00:00.000Z' },
  openedAt: '2026-11-19T08:00:00.000Z',
});
const shipment = (
  id: string,
  direction: ShipmentView['direction'],
  trackingNumber: string,
  version = 1,
): ShipmentView => ({
  id,
  direction,
  repairOrderId: '6f1c0d3e-8a4b-4c2d-9e0f-1a2b3c4d5e6f',
  diagnosisCode: 'ZH0090Gd',
  repairPointId: 'rp-shenzhen',
  deviceOrderNos: [],
  carrier: 'sf-express',
  trackingNumber,
  status: 'in_transit',
  createdAt: '2026-11-20T08:00:01.000Z',
  checkpoints: [],
  version,
});
const returned = (trackingNumber: string, at: string) => ({ carrier: 'sf-express', trackingNumber, at });

describe("an order's parcels", () => {
  it('show the outbound parcel at once, and its tracking once the logistics service has the same number', () => {
    const lines = [line(1), line(2)];
    const [untracked] = parcelsOf(order(lines), []);
    expect(untracked).toMatchObject({
      direction: 'outbound',
      trackingNumber: 'SF1234567890123',
      deviceOrderNos: [no(1), no(2)],
    });
    expect(untracked!.tracked).toBeUndefined();

    const tracking = shipment('a', 'outbound', 'sf1234567890123');
    expect(parcelsOf(order(lines), [tracking])[0]!.tracked).toBe(tracking);
  });

  it('show a just-corrected outbound number without the tracking of the number it replaced', () => {
    const [parcel] = parcelsOf(order([line(1)], 'SF5555555555555'), [
      shipment('a', 'outbound', 'SF1234567890123'),
    ]);
    expect(parcel).toMatchObject({ trackingNumber: 'SF5555555555555' });
    expect(parcel!.tracked).toBeUndefined();
  });

  it('group the returned machines by parcel, in the order shipped, each with its own tracking', () => {
    const first = returned('SF2000000000001', '2026-11-25T08:00:00.000Z');
    const second = returned('SF2000000000002', '2026-11-24T08:00:00.000Z');
    const tracking = shipment('b', 'return', 'SF2000000000001');
    const parcels = parcelsOf(order([line(1, first), line(2, second), line(3, first), line(4)]), [tracking]);
    expect(parcels.map((p) => [p.direction, p.trackingNumber, p.deviceOrderNos, p.tracked?.id])).toEqual([
      ['outbound', 'SF1234567890123', [no(1), no(2), no(3), no(4)], undefined],
      ['return', 'SF2000000000002', [no(2)], undefined],
      ['return', 'SF2000000000001', [no(1), no(3)], 'b'],
    ]);
  });

  it('read again keep the newer of each shipment: a late answer does not undo a recorded checkpoint', () => {
    const recorded = shipment('a', 'outbound', 'SF1234567890123', 3);
    const late = shipment('a', 'outbound', 'SF1234567890123', 2);
    const added = shipment('b', 'return', 'SF2000000000001');
    expect(newerShipments([recorded], [late, added])).toEqual([recorded, added]);
  });
});
