import {
  normalizeTrackingNumber,
  type ShipmentDirection,
  type ShipmentView,
} from '@aftersales/contracts/logistics';
import type { RepairOrder, Shipment } from '@aftersales/contracts/repair-orders';

/** One parcel of an order as the order records it, with the logistics service's tracking once it has it. */
export interface Parcel {
  direction: ShipmentDirection;
  carrier: string;
  trackingNumber: string;
  /** When the customer entered it, or the repair point shipped it. */
  at: string;
  deviceOrderNos: string[];
  tracked?: ShipmentView;
}

const sameNumber = (a: string, b: string) => normalizeTrackingNumber(a) === normalizeTrackingNumber(b);

/**
 * The order's parcels, the outbound one first, then each return in the order shipped. The order knows a
 * parcel at once; the logistics service starts tracking it a moment later, so until then (and for an
 * outbound number just corrected) a parcel shows without tracking.
 */
export function parcelsOf(order: RepairOrder, shipments: readonly ShipmentView[]): Parcel[] {
  const trackedAs = (direction: ShipmentDirection, shipment: Shipment) =>
    shipments.find((s) => s.direction === direction && sameNumber(s.trackingNumber, shipment.trackingNumber));
  const parcels: Parcel[] = [];
  if (order.outboundShipment) {
    const tracked = trackedAs('outbound', order.outboundShipment);
    parcels.push({
      direction: 'outbound',
      carrier: order.outboundShipment.carrier,
      trackingNumber: order.outboundShipment.trackingNumber,
      at: order.outboundShipment.at,
      deviceOrderNos: tracked?.deviceOrderNos ?? order.lines.map((line) => line.deviceOrderNo),
      ...(tracked ? { tracked } : {}),
    });
  }
  const returns = new Map<string, Parcel>();
  for (const line of order.lines) {
    const shipment = line.returnShipment;
    if (!shipment) continue;
    const key = normalizeTrackingNumber(shipment.trackingNumber);
    const parcel = returns.get(key);
    if (parcel) {
      parcel.deviceOrderNos.push(line.deviceOrderNo);
      continue;
    }
    const tracked = trackedAs('return', shipment);
    returns.set(key, {
      direction: 'return',
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      at: shipment.at,
      deviceOrderNos: [line.deviceOrderNo],
      ...(tracked ? { tracked } : {}),
    });
  }
  return [...parcels, ...[...returns.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))];
}

/** Shipments as read again, each kept at the newer of the version shown and the version read. */
export function newerShipments(
  shown: readonly ShipmentView[],
  read: readonly ShipmentView[],
): ShipmentView[] {
  return read.map((next) => {
    const before = shown.find((s) => s.id === next.id);
    return before && before.version > next.version ? before : next;
  });
}
