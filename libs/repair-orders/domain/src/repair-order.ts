import {
  ConflictError,
  type EventDataOf,
  IllegalTransitionError,
  InvalidError,
  NotFoundError,
} from '@aftersales/contracts/common';
import type { ConsultationDevice } from '@aftersales/contracts/consultation';
import {
  type DeviceLineStatus,
  type ReceiptOutcome,
  repairOrderEvents,
  type RepairOrderStatus,
  type RepairProgress,
} from '@aftersales/contracts/repair-orders';
import type { Command, Decider } from '@aftersales/shared-decider';
import { orderStatusOf } from './order-status.js';

type Events = typeof repairOrderEvents;
type EventOf<K extends keyof Events> = { type: Events[K]['type']; data: EventDataOf<Events[K]> };

/** The contract's events, spelled there once. */
export type RepairOrderEvent = { [K in keyof Events]: EventOf<K> }[keyof Events];

export interface MailInLine {
  deviceOrderNo: string;
  sn: string;
  model: string;
  fault: string;
  photos?: string[];
}

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
/** The lines arrive checked: every SN registered, in warranty and in no other open order. */
export type SubmitMailIn = Command<
  'SubmitMailIn',
  { customerId: string; repairPointId: string; lines: MailInLine[]; carrier: string; trackingNumber: string }
>;
export type CorrectOutboundShipment = Command<
  'CorrectOutboundShipment',
  { customerId: string; carrier: string; trackingNumber: string }
>;
export type CancelRepairOrder = Command<'CancelRepairOrder', { customerId: string }>;
export type ReceiveDevices = Command<
  'ReceiveDevices',
  {
    repairPointId: string;
    lines: { deviceOrderNo: string; outcome: ReceiptOutcome; note?: string; photos?: string[] }[];
  }
>;
export type RecordRepairProgress = Command<
  'RecordRepairProgress',
  { repairPointId: string; deviceOrderNo: string; progress: RepairProgress }
>;
export type ShipBack = Command<
  'ShipBack',
  { repairPointId: string; deviceOrderNos: string[]; carrier: string; trackingNumber: string }
>;
export type ConfirmReturn = Command<
  'ConfirmReturn',
  | { confirmedBy: 'customer'; customerId: string }
  | { confirmedBy: 'delivery_report'; deviceOrderNos: string[] }
>;

/** The carrier's delivery report of the outbound parcel, by the logistics service. */
export type NoteParcelDelivered = Command<'NoteParcelDelivered', { deliveredAt: string }>;

export type RepairOrderCommand =
  | OpenRepairOrder
  | NoteParcelDelivered
  | SubmitMailIn
  | CorrectOutboundShipment
  | CancelRepairOrder
  | ReceiveDevices
  | RecordRepairProgress
  | ShipBack
  | ConfirmReturn;

export interface LineState {
  deviceOrderNo: string;
  sn: string;
  model: string;
  status: DeviceLineStatus;
}

export type RepairOrderState =
  | { status: 'none' }
  | {
      status: RepairOrderStatus;
      repairOrderId: string;
      diagnosisCode: string;
      customerId: string;
      repairPointId?: string;
      outbound?: { carrier: string; trackingNumber: string };
      lines: readonly LineState[];
    };

type Opened = Exclude<RepairOrderState, { status: 'none' }>;

/** A repair order's stream is named by its diagnosis code, which the customer and the parcel carry. */
export const repairOrderStream = (diagnosisCode: string) => `repair-order-${diagnosisCode}`;

/** Lines a repair point may receive: expected in the parcel, or reported missing and turned up later. */
const receivable: readonly DeviceLineStatus[] = ['awaiting_receipt', 'missing'];
/** Lines an engineer works on, until they leave the point. */
const inRepair: readonly DeviceLineStatus[] = ['received', 'repairing', 'repaired', 'unrepairable'];
/** Lines ready to go back: repaired, beyond repair, or not the machine the form named. */
const shippable: readonly DeviceLineStatus[] = ['repaired', 'unrepairable', 'mismatched'];

function notFound(diagnosisCode: string): NotFoundError {
  return new NotFoundError(`No repair order ${diagnosisCode}`, {
    code: 'repair_order_not_found',
    params: { diagnosisCode },
  });
}

/** Another customer's order, like a missing one, answers 404. */
function ownedBy(state: RepairOrderState, customerId: string, diagnosisCode: string): Opened {
  if (state.status === 'none' || state.customerId !== customerId) throw notFound(diagnosisCode);
  return state;
}

/** An order reaches only the repair point it was sent to; any other point is told it does not exist. */
function assignedTo(state: RepairOrderState, repairPointId: string, diagnosisCode: string): Opened {
  if (state.status === 'none' || state.repairPointId !== repairPointId) throw notFound(diagnosisCode);
  return state;
}

function lineOf(state: Opened, deviceOrderNo: string): LineState {
  const line = state.lines.find((l) => l.deviceOrderNo === deviceOrderNo);
  if (!line) {
    throw new InvalidError(`The order ${state.diagnosisCode} has no device line ${deviceOrderNo}`, {
      code: 'device_line_not_found',
      params: { deviceOrderNo },
    });
  }
  return line;
}

function refuseLine(line: LineState, command: string, why: string): never {
  throw new IllegalTransitionError(line.status, command, `Device ${line.sn} (${line.deviceOrderNo}): ${why}`);
}

/** The customer changes the parcel's details or withdraws the order only until the point receives it. */
function beforeReceipt(state: Opened, command: string): void {
  if (state.status !== 'awaiting_receipt' && state.status !== 'awaiting_submission') {
    throw new IllegalTransitionError(
      state.status,
      command,
      `The order ${state.diagnosisCode} is ${state.status.replace('_', ' ')}: it can no longer be changed by the customer`,
    );
  }
}

function order(state: Opened) {
  return { repairOrderId: state.repairOrderId, diagnosisCode: state.diagnosisCode };
}

function decideSubmit({ data, metadata }: SubmitMailIn, state: Opened): RepairOrderEvent[] {
  if (state.status !== 'awaiting_submission') {
    throw new IllegalTransitionError(
      state.status,
      'SubmitMailIn',
      `The mail-in form of ${state.diagnosisCode} was submitted already`,
    );
  }
  if (data.lines.length === 0) {
    throw new InvalidError('A mail-in needs at least one device', { code: 'mail_in_empty' });
  }
  const seen = new Set<string>();
  for (const { sn } of data.lines) {
    if (seen.has(sn)) {
      throw new InvalidError(`The device ${sn} is on the form twice`, {
        code: 'duplicate_sn',
        params: { sn },
      });
    }
    seen.add(sn);
  }
  return [
    {
      type: 'MailInSubmitted',
      data: {
        ...order(state),
        customerId: state.customerId,
        repairPointId: data.repairPointId,
        lines: data.lines,
        carrier: data.carrier,
        trackingNumber: data.trackingNumber,
        submittedAt: metadata.now,
      },
    },
  ];
}

function decideReceive({ data, metadata }: ReceiveDevices, state: Opened): RepairOrderEvent[] {
  if (state.status === 'cancelled') {
    throw new IllegalTransitionError(
      'cancelled',
      'ReceiveDevices',
      `The order ${state.diagnosisCode} was cancelled`,
    );
  }
  return data.lines.flatMap(({ deviceOrderNo, outcome, note, photos }): RepairOrderEvent[] => {
    const line = lineOf(state, deviceOrderNo);
    // Scanning a machine twice records it once.
    if (line.status === outcome) return [];
    if (!receivable.includes(line.status))
      refuseLine(line, 'ReceiveDevices', `it is ${line.status}, not expected in a parcel`);
    return [
      {
        type: 'DeviceReceived',
        data: {
          ...order(state),
          repairPointId: data.repairPointId,
          deviceOrderNo,
          outcome,
          ...(note ? { note } : {}),
          ...(photos?.length ? { photos } : {}),
          receivedAt: metadata.now,
        },
      },
    ];
  });
}

function decideProgress({ data, metadata }: RecordRepairProgress, state: Opened): RepairOrderEvent[] {
  const line = lineOf(state, data.deviceOrderNo);
  if (!inRepair.includes(line.status)) {
    refuseLine(line, 'RecordRepairProgress', `it is ${line.status}; only a received machine is repaired`);
  }
  const { faults, partsReplaced, test, note, photos, result } = data.progress;
  return [
    {
      type: 'RepairProgressRecorded',
      data: {
        ...order(state),
        repairPointId: data.repairPointId,
        deviceOrderNo: data.deviceOrderNo,
        faults,
        partsReplaced,
        ...(test ? { test } : {}),
        ...(note ? { note } : {}),
        ...(photos?.length ? { photos } : {}),
        ...(result ? { result } : {}),
        recordedAt: metadata.now,
      },
    },
  ];
}

function decideShipBack({ data, metadata }: ShipBack, state: Opened): RepairOrderEvent[] {
  const deviceOrderNos = [...new Set(data.deviceOrderNos)];
  for (const deviceOrderNo of deviceOrderNos) {
    const line = lineOf(state, deviceOrderNo);
    if (!shippable.includes(line.status)) {
      refuseLine(
        line,
        'ShipBack',
        `it is ${line.status}; a machine ships back once it is repaired or found unrepairable`,
      );
    }
  }
  return [
    {
      type: 'DeviceReturned',
      data: {
        ...order(state),
        customerId: state.customerId,
        repairPointId: data.repairPointId,
        deviceOrderNos,
        carrier: data.carrier,
        trackingNumber: data.trackingNumber,
        returnedAt: metadata.now,
      },
    },
  ];
}

function decideConfirm({ data, metadata }: ConfirmReturn, state: RepairOrderState): RepairOrderEvent[] {
  if (data.confirmedBy === 'customer') {
    const owned = ownedBy(state, data.customerId, state.status === 'none' ? '' : state.diagnosisCode);
    const returned = owned.lines.filter((l) => l.status === 'returned').map((l) => l.deviceOrderNo);
    if (returned.length === 0) {
      throw new IllegalTransitionError(
        owned.status,
        'ConfirmReturn',
        `No machine of ${owned.diagnosisCode} is on its way back to be confirmed`,
      );
    }
    return [confirmed(owned, returned, 'customer', metadata.now)];
  }
  if (state.status === 'none') throw notFound('');
  // A delivery report completes the lines of its parcel that the customer has not confirmed already.
  const returned = data.deviceOrderNos.filter((no) => lineOf(state, no).status === 'returned');
  return returned.length === 0 ? [] : [confirmed(state, returned, 'delivery_report', metadata.now)];
}

function confirmed(
  state: Opened,
  deviceOrderNos: string[],
  confirmedBy: 'customer' | 'delivery_report',
  confirmedAt: string,
): RepairOrderEvent {
  return { type: 'ReturnConfirmed', data: { ...order(state), deviceOrderNos, confirmedBy, confirmedAt } };
}

export const repairOrderDecider: Decider<RepairOrderCommand, RepairOrderEvent, RepairOrderState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'OpenRepairOrder': {
        const { repairOrderId, diagnosisCode, consultationId, customerId, device, deviceOrderNo } =
          command.data;
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
      }
      case 'SubmitMailIn':
        return decideSubmit(command, ownedBy(state, command.data.customerId, codeOf(state)));
      case 'CorrectOutboundShipment': {
        const owned = ownedBy(state, command.data.customerId, codeOf(state));
        if (owned.status === 'awaiting_submission') {
          throw new IllegalTransitionError(
            owned.status,
            'CorrectOutboundShipment',
            'Submit the mail-in form first',
          );
        }
        beforeReceipt(owned, 'CorrectOutboundShipment');
        const { carrier, trackingNumber } = command.data;
        if (owned.outbound?.carrier === carrier && owned.outbound.trackingNumber === trackingNumber)
          return [];
        return [
          {
            type: 'OutboundShipmentCorrected',
            data: { ...order(owned), carrier, trackingNumber, correctedAt: command.metadata.now },
          },
        ];
      }
      case 'CancelRepairOrder': {
        const owned = ownedBy(state, command.data.customerId, codeOf(state));
        if (owned.status === 'cancelled') return [];
        beforeReceipt(owned, 'CancelRepairOrder');
        return [
          {
            type: 'RepairOrderCancelled',
            data: {
              ...order(owned),
              deviceOrderNos: owned.lines.filter((l) => l.status !== 'cancelled').map((l) => l.deviceOrderNo),
              cancelledAt: command.metadata.now,
            },
          },
        ];
      }
      case 'ReceiveDevices':
        return decideReceive(command, assignedTo(state, command.data.repairPointId, codeOf(state)));
      case 'RecordRepairProgress':
        return decideProgress(command, assignedTo(state, command.data.repairPointId, codeOf(state)));
      case 'ShipBack':
        return decideShipBack(command, assignedTo(state, command.data.repairPointId, codeOf(state)));
      case 'ConfirmReturn':
        return decideConfirm(command, state);
      case 'NoteParcelDelivered': {
        // Worth telling only while the point has yet to open the parcel.
        if (state.status !== 'awaiting_receipt' || !state.repairPointId) return [];
        return [
          {
            type: 'OutboundParcelDelivered',
            data: {
              ...order(state),
              repairPointId: state.repairPointId,
              deliveredAt: command.data.deliveredAt,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'RepairOrderOpened') {
      const { repairOrderId, diagnosisCode, customerId, lines } = event.data;
      return {
        status: 'awaiting_submission',
        repairOrderId,
        diagnosisCode,
        customerId,
        lines: lines.map((line) => ({ ...line, status: 'awaiting_submission' })),
      };
    }
    if (state.status === 'none') return state;
    const next = evolveOpened(state, event);
    return { ...next, status: orderStatusOf(next.lines.map((l) => l.status)) };
  },
};

function codeOf(state: RepairOrderState): string {
  return state.status === 'none' ? '' : state.diagnosisCode;
}

function withLines(state: Opened, deviceOrderNos: readonly string[], status: DeviceLineStatus): Opened {
  return {
    ...state,
    lines: state.lines.map((l) => (deviceOrderNos.includes(l.deviceOrderNo) ? { ...l, status } : l)),
  };
}

function evolveOpened(state: Opened, event: RepairOrderEvent): Opened {
  switch (event.type) {
    case 'RepairOrderOpened':
    case 'OutboundParcelDelivered':
      return state;
    case 'MailInSubmitted': {
      const { repairPointId, lines, carrier, trackingNumber } = event.data;
      const submitted = new Set(lines.map((l) => l.deviceOrderNo));
      return {
        ...state,
        repairPointId,
        outbound: { carrier, trackingNumber },
        lines: [
          ...state.lines
            .filter((l) => !submitted.has(l.deviceOrderNo))
            .map((l) => ({ ...l, status: 'cancelled' as const })),
          ...lines.map(({ deviceOrderNo, sn, model }) => ({
            deviceOrderNo,
            sn,
            model,
            status: 'awaiting_receipt' as const,
          })),
        ],
      };
    }
    case 'OutboundShipmentCorrected':
      return {
        ...state,
        outbound: { carrier: event.data.carrier, trackingNumber: event.data.trackingNumber },
      };
    case 'RepairOrderCancelled':
      return withLines(state, event.data.deviceOrderNos, 'cancelled');
    case 'DeviceReceived':
      return withLines(state, [event.data.deviceOrderNo], event.data.outcome);
    case 'RepairProgressRecorded':
      return withLines(state, [event.data.deviceOrderNo], event.data.result ?? 'repairing');
    case 'DeviceReturned':
      return withLines(state, event.data.deviceOrderNos, 'returned');
    case 'ReturnConfirmed':
      return withLines(state, event.data.deviceOrderNos, 'completed');
  }
}
