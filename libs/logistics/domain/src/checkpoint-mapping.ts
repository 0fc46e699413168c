import type { ShipmentStatus } from '@aftersales/contracts/logistics';

/**
 * AfterShip's delivery tags onto our statuses. A failed delivery attempt, an expired tracking and an
 * exception all need someone to look: they are exceptions. Unknown tags are not mapped.
 */
const byAftershipTag: Record<string, ShipmentStatus> = {
  Pending: 'created',
  InfoReceived: 'created',
  InTransit: 'in_transit',
  OutForDelivery: 'out_for_delivery',
  AvailableForPickup: 'out_for_delivery',
  Delivered: 'delivered',
  AttemptFail: 'exception',
  Exception: 'exception',
  Expired: 'exception',
};

export function statusOfAftershipTag(tag: string): ShipmentStatus | undefined {
  return byAftershipTag[tag];
}
