import { describe, expect, it } from '@jest/globals';
import { statusOfAftershipTag } from './checkpoint-mapping.js';

describe('AfterShip tags as shipment statuses', () => {
  it.each([
    ['Pending', 'created'],
    ['InfoReceived', 'created'],
    ['InTransit', 'in_transit'],
    ['OutForDelivery', 'out_for_delivery'],
    ['AvailableForPickup', 'out_for_delivery'],
    ['Delivered', 'delivered'],
    ['AttemptFail', 'exception'],
    ['Exception', 'exception'],
    ['Expired', 'exception'],
  ])('maps %s to %s', (tag, status) => {
    expect(statusOfAftershipTag(tag)).toBe(status);
  });

  it('maps no unknown tag', () => {
    expect(statusOfAftershipTag('Teleported')).toBeUndefined();
  });
});
