import type { EventDataOf } from '@aftersales/contracts/common';
import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import { logisticsProjection } from '@aftersales/logistics-data-access';
import {
  type ShipmentCommand,
  shipmentDecider,
  type ShipmentEvent,
  type ShipmentState,
  shipmentStream,
} from '@aftersales/logistics-domain';
import {
  CommandHandler,
  type Consumer,
  type EventStore,
  metadataCausedBy,
  type RecordedEvent,
} from '@aftersales/shared-event-store';
import { namedUuid } from '@aftersales/shared-messaging';

type DataOf<K extends keyof typeof repairOrderEvents> = EventDataOf<(typeof repairOrderEvents)[K]>;

/** An order's outbound parcel is one shipment for its life, whatever number it ends up with. */
export const outboundShipmentId = (repairOrderId: string) => namedUuid(`shipment/outbound/${repairOrderId}`);

/**
 * Tracks the parcels the repair orders name: the mail-in's outbound parcel (and its corrections), and each
 * parcel shipped back. Commands are named by the events, so a redelivered event changes nothing.
 */
export const ordersConsumer: Consumer = {
  name: 'order-parcels',
  from: 'repair-orders',
  events: [
    repairOrderEvents.mailInSubmitted,
    repairOrderEvents.outboundShipmentCorrected,
    repairOrderEvents.deviceReturned,
  ],
  async handle(event: RecordedEvent, _tx, store: EventStore) {
    const shipments = new CommandHandler<ShipmentCommand, ShipmentEvent, ShipmentState>(
      store,
      shipmentDecider,
      [logisticsProjection],
    );
    const metadata = metadataCausedBy(event, {
      actor: 'service:logistics',
      name: 'track',
      now: event.metadata.timestamp,
    });
    const create = (
      shipmentId: string,
      data: Omit<Extract<ShipmentCommand, { type: 'CreateShipment' }>['data'], 'shipmentId'>,
    ) =>
      shipments.handle(shipmentStream(shipmentId), {
        type: 'CreateShipment',
        data: { shipmentId, ...data },
        metadata,
      });

    switch (event.type) {
      case 'MailInSubmitted': {
        const {
          repairOrderId,
          diagnosisCode,
          customerId,
          repairPointId,
          lines,
          carrier,
          trackingNumber,
          submittedAt,
        } = event.data as DataOf<'mailInSubmitted'>;
        await create(outboundShipmentId(repairOrderId), {
          direction: 'outbound',
          repairOrderId,
          diagnosisCode,
          customerId,
          repairPointId,
          deviceOrderNos: lines.map((l) => l.deviceOrderNo),
          carrier,
          trackingNumber,
          createdAt: submittedAt,
        });
        return;
      }
      case 'OutboundShipmentCorrected': {
        const { repairOrderId, carrier, trackingNumber } = event.data as DataOf<'outboundShipmentCorrected'>;
        const shipmentId = outboundShipmentId(repairOrderId);
        await shipments.handle(shipmentStream(shipmentId), {
          type: 'CorrectShipment',
          data: { carrier, trackingNumber },
          metadata,
        });
        return;
      }
      case 'DeviceReturned': {
        const {
          repairOrderId,
          diagnosisCode,
          customerId,
          repairPointId,
          deviceOrderNos,
          carrier,
          trackingNumber,
          returnedAt,
        } = event.data as DataOf<'deviceReturned'>;
        await create(namedUuid(`shipment/return/${event.eventId}`), {
          direction: 'return',
          repairOrderId,
          diagnosisCode,
          customerId,
          repairPointId,
          deviceOrderNos,
          carrier,
          trackingNumber,
          createdAt: returnedAt,
        });
      }
    }
  },
};
