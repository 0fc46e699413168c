import type { EventDataOf } from '@aftersales/contracts/common';
import { logisticsEvents } from '@aftersales/contracts/logistics';
import { type RepairOrderCommand, repairOrderStream } from '@aftersales/repair-orders-domain';
import {
  type Consumer,
  type EventStore,
  metadataCausedBy,
  type RecordedEvent,
} from '@aftersales/shared-event-store';

import { orderCommandsOf } from './order-commands.js';
import { orderChanges } from './order-changes.js';

type Delivered = EventDataOf<typeof logisticsEvents.shipmentDelivered>;

/**
 * The carrier's delivery reports: a returned parcel delivered completes its lines (unless the customer
 * confirmed them first), an outbound one goes on the order's timeline for the repair point.
 */
export const deliveryConsumer: Consumer = {
  name: 'deliveries',
  from: 'logistics',
  events: [logisticsEvents.shipmentDelivered],
  async handle(event: RecordedEvent, _tx, store: EventStore) {
    const { direction, diagnosisCode, deviceOrderNos, deliveredAt } = event.data as Delivered;
    const metadata = metadataCausedBy(event, {
      actor: 'service:logistics',
      name: 'delivered',
      now: deliveredAt,
    });
    const command: RepairOrderCommand =
      direction === 'return'
        ? { type: 'ConfirmReturn', data: { confirmedBy: 'delivery_report', deviceOrderNos }, metadata }
        : { type: 'NoteParcelDelivered', data: { deliveredAt }, metadata };
    await orderCommandsOf(store).handle(repairOrderStream(diagnosisCode), command, { retryOnConflict: true });
  },
  // On every delivery: a page that missed the first notice hears of the order again, which does no harm.
  afterCommit: (event: RecordedEvent) => orderChanges.changed((event.data as Delivered).diagnosisCode),
};
