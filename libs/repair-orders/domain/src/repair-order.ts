import { ConflictError, type EventDataOf } from '@aftersales/contracts/common';
import type { ConsultationDevice } from '@aftersales/contracts/consultation';
import { repairOrderEvents, type RepairOrderStatus } from '@aftersales/contracts/repair-orders';
import type { Command, Decider } from '@aftersales/shared-decider';

type Opened = typeof repairOrderEvents.repairOrderOpened;

export type RepairOrderEvent = { type: Opened['type']; data: EventDataOf<Opened> };

export type OpenRepairOrder = Command<
  'OpenRepairOrder',
  {
    repairOrderId: string;
    diagnosisCode: string;
    consultationId: string;
    customerId: string;
    device: ConsultationDevice;
    /** The first line's device order number, named by whoever issues the command. */
    deviceOrderNo: string;
  }
>;

export type RepairOrderCommand = OpenRepairOrder;

export type RepairOrderState =
  { status: 'none' } | { status: RepairOrderStatus; repairOrderId: string; diagnosisCode: string };

/** A repair order's stream is named by its diagnosis code, which the customer and the parcel carry. */
export const repairOrderStream = (diagnosisCode: string) => `repair-order-${diagnosisCode}`;

export const repairOrderDecider: Decider<RepairOrderCommand, RepairOrderEvent, RepairOrderState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const { repairOrderId, diagnosisCode, consultationId, customerId, device, deviceOrderNo } = command.data;
    if (state.status !== 'none') {
      throw new ConflictError(`A repair order with the diagnosis code ${diagnosisCode} exists already`, {
        code: 'repair_order_exists',
        params: { diagnosisCode },
      });
    }
    return [
      {
        type: 'RepairOrderOpened',
        data: {
          repairOrderId,
          diagnosisCode,
          consultationId,
          customerId,
          lines: [{ deviceOrderNo, sn: device.sn, model: device.model }],
          openedAt: command.metadata.now,
        },
      },
    ];
  },

  evolve(_, event) {
    return {
      status: 'awaiting_submission',
      repairOrderId: event.data.repairOrderId,
      diagnosisCode: event.data.diagnosisCode,
    };
  },
};
