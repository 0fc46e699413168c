import { type EventDataOf, NotFoundError } from '@aftersales/contracts/common';
import {
  logisticsEvents,
  type ShipmentDirection,
  type ShipmentStatus,
} from '@aftersales/contracts/logistics';
import type { Command, Decider } from '@aftersales/shared-decider';

type Events = typeof logisticsEvents;
type EventOf<K extends keyof Events> = { type: Events[K]['type']; data: EventDataOf<Events[K]> };
type ShipmentEvents = 'shipmentCreated' | 'shipmentCorrected' | 'checkpointRecorded' | 'shipmentDelivered';

/** A shipment's events, as the contract spells them. */
export type ShipmentEvent = { [K in ShipmentEvents]: EventOf<K> }[ShipmentEvents];

export type CreateShipment = Command<'CreateShipment', EventDataOf<Events['shipmentCreated']>>;
export type CorrectShipment = Command<'CorrectShipment', { carrier: string; trackingNumber: string }>;
export type RecordCheckpoint = Command<
  'RecordCheckpoint',
  Omit<EventDataOf<Events['checkpointRecorded']>, 'shipmentId'>
>;
export type ShipmentCommand = CreateShipment | CorrectShipment | RecordCheckpoint;

export type ShipmentState =
  | { status: 'none' }
  | {
      status: ShipmentStatus;
      shipmentId: string;
      direction: ShipmentDirection;
      repairOrderId: string;
      diagnosisCode: string;
      deviceOrderNos: string[];
      carrier: string;
      trackingNumber: string;
      checkpointIds: ReadonlySet<string>;
      /** The time of the latest checkpoint: it, not the one recorded last, says where the parcel is. */
      latestAt?: string;
      delivered: boolean;
    };

export const shipmentStream = (shipmentId: string) => `shipment-${shipmentId}`;

export const shipmentDecider: Decider<ShipmentCommand, ShipmentEvent, ShipmentState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    if (command.type === 'CreateShipment') {
      // Created from an order's event, which may arrive twice: the second changes nothing.
      if (state.status !== 'none') return [];
      return [{ type: 'ShipmentCreated', data: command.data }];
    }
    if (state.status === 'none') {
      throw new NotFoundError('No such shipment', { code: 'shipment_not_found' });
    }
    // The repair order allows a correction only before the parcel is received; its word is final here.
    if (command.type === 'CorrectShipment') {
      const { carrier, trackingNumber } = command.data;
      if (state.carrier === carrier && state.trackingNumber === trackingNumber) return [];
      return [
        {
          type: 'ShipmentCorrected',
          data: { shipmentId: state.shipmentId, carrier, trackingNumber, correctedAt: command.metadata.now },
        },
      ];
    }
    if (state.checkpointIds.has(command.data.checkpointId)) return [];
    const recorded: ShipmentEvent = {
      type: 'CheckpointRecorded',
      data: { shipmentId: state.shipmentId, ...command.data },
    };
    if (command.data.status !== 'delivered' || state.delivered) return [recorded];
    return [
      recorded,
      {
        type: 'ShipmentDelivered',
        data: {
          shipmentId: state.shipmentId,
          direction: state.direction,
          repairOrderId: state.repairOrderId,
          diagnosisCode: state.diagnosisCode,
          deviceOrderNos: state.deviceOrderNos,
          deliveredAt: command.data.at,
        },
      },
    ];
  },

  evolve(state, event) {
    switch (event.type) {
      case 'ShipmentCreated': {
        const {
          shipmentId,
          direction,
          repairOrderId,
          diagnosisCode,
          deviceOrderNos,
          carrier,
          trackingNumber,
        } = event.data;
        return {
          status: 'created',
          shipmentId,
          direction,
          repairOrderId,
          diagnosisCode,
          deviceOrderNos,
          carrier,
          trackingNumber,
          checkpointIds: new Set(),
          delivered: false,
        };
      }
      case 'ShipmentCorrected':
        if (state.status === 'none') return state;
        return { ...state, carrier: event.data.carrier, trackingNumber: event.data.trackingNumber };
      case 'CheckpointRecorded': {
        if (state.status === 'none') return state;
        const latest = !state.latestAt || event.data.at >= state.latestAt;
        return {
          ...state,
          checkpointIds: new Set([...state.checkpointIds, event.data.checkpointId]),
          ...(latest ? { status: event.data.status, latestAt: event.data.at } : {}),
        };
      }
      case 'ShipmentDelivered':
        return state.status === 'none' ? state : { ...state, delivered: true };
    }
  },
};
