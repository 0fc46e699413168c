import type { EventDataOf } from '@aftersales/contracts/common';
import { logisticsEvents } from '@aftersales/contracts/logistics';
import { repairOrdersProjection } from '@aftersales/repair-orders-data-access';
import {
  type RepairOrderCommand,
  repairOrderDecider,
  type RepairOrderEvent,
  type RepairOrderState,
  repairOrderStream,
} from '@aftersales/repair-orders-domain';
import {
  CommandHandler,
  type Consumer,
  type EventStore,
  type RecordedEvent,
} from '@aftersales/shared-event-store';

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
    const orders = new CommandHandler<RepairOrderCommand, RepairOrderEvent, RepairOrderState>(
      store,
      repairOrderDecider,
      [repairOrdersProjection],
    );
    const metadata = {
      actor: 'service:logistics',
      commandId: `delivered-${event.eventId}`,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      now: deliveredAt,
    };
    const command: RepairOrderCommand =
      direction === 'return'
        ? { type: 'ConfirmReturn', data: { confirmedBy: 'delivery_report', deviceOrderNos }, metadata }
        : { type: 'NoteParcelDelivered', data: { deliveredAt }, metadata };
    await orders.handle(repairOrderStream(diagnosisCode), command, { retryOnConflict: true });
  },
  // On every delivery: a page that missed the first notice hears of the order again, which does no harm.
  afterCommit: (event: RecordedEvent) => orderChanges.changed((event.data as Delivered).diagnosisCode),
};
