import { describe, expect, it } from '@jest/globals';
import {
  ConflictError,
  IllegalTransitionError,
  InvalidError,
  NotFoundError,
} from '@aftersales/contracts/common';
import { DeciderSpecification, fold } from '@aftersales/shared-decider';
import { type RepairOrderCommand, repairOrderDecider, type RepairOrderEvent } from './repair-order.js';

const spec = DeciderSpecification.for(repairOrderDecider);

const repairOrderId = '3a0e6b1c-7f1d-4c55-9a1e-5b2f0c8d9e01';
const diagnosisCode = 'ZH0090Gd';
const customerId = '5d1c2b3a-1111-4aaa-8bbb-000000000001';
const otherCustomer = '5d1c2b3a-1111-4aaa-8bbb-000000000002';
const first = '0123456789abcdef0123456789abcdef';
const second = 'fedcba9876543210fedcba9876543210';
const third = 'aaaaaaaabbbbbbbbccccccccdddddddd';
const order = { repairOrderId, diagnosisCode };
const now = '2026-11-28T09:00:00.000Z';
const later = '2026-11-29T10:00:00.000Z';

const metadata = (commandId: string, at = now) => ({
  actor: 'user:someone',
  commandId,
  correlationId: 'correlation-1',
  causationId: 'cause-1',
  now: at,
});
const command = <T extends RepairOrderCommand['type']>(
  type: T,
  data: Extract<RepairOrderCommand, { type: T }>['data'],
  at = now,
) => ({ type, data, metadata: metadata(`${type}-1`, at) }) as Extract<RepairOrderCommand, { type: T }>;

const open = command('OpenRepairOrder', {
  ...order,
  consultationId: '0b6f1c52-3f7a-4d43-9b7e-2f1d7c9e4a10',
  customerId,
  device: { sn: 'ZH10014510045', model: 'VolcMiner D1', warrantyEndsOn: '2027-06-30' },
  deviceOrderNo: first,
});

const opened: RepairOrderEvent = {
  type: 'RepairOrderOpened',
  data: {
    ...order,
    consultationId: '0b6f1c52-3f7a-4d43-9b7e-2f1d7c9e4a10',
    customerId,
    lines: [{ deviceOrderNo: first, sn: 'ZH10014510045', model: 'VolcMiner D1' }],
    openedAt: now,
  },
};

const photo = 'c0ffee00-1111-4aaa-8bbb-000000000001';
const formLines = [
  {
    deviceOrderNo: first,
    sn: 'ZH10014510045',
    model: 'VolcMiner D1',
    fault: 'Hash board 2 not detected',
    photos: [photo],
  },
  { deviceOrderNo: second, sn: 'ZH10014510046', model: 'VolcMiner D1', fault: 'Fan error' },
  { deviceOrderNo: third, sn: 'ZH10014510047', model: 'VolcMiner D1', fault: 'Overheating' },
];
const submit = command('SubmitMailIn', {
  customerId,
  repairPointId: 'rp-shenzhen',
  lines: formLines,
  carrier: 'sf-express',
  trackingNumber: 'SF1234567890123',
});
const submitted: RepairOrderEvent = {
  type: 'MailInSubmitted',
  data: {
    ...order,
    customerId,
    repairPointId: 'rp-shenzhen',
    lines: formLines,
    carrier: 'sf-express',
    trackingNumber: 'SF1234567890123',
    submittedAt: now,
  },
};
const point = 'rp-shenzhen';
const received = (
  deviceOrderNo: string,
  outcome: 'received' | 'missing' | 'mismatched' = 'received',
): RepairOrderEvent => ({
  type: 'DeviceReceived',
  data: { ...order, repairPointId: point, deviceOrderNo, outcome, receivedAt: now },
});
const receive = (
  lines: {
    deviceOrderNo: string;
    outcome: 'received' | 'missing' | 'mismatched';
    note?: string;
    photos?: string[];
  }[],
  repairPointId = point,
) => command('ReceiveDevices', { repairPointId, lines });
const progress = (deviceOrderNo: string, result?: 'repaired' | 'unrepairable') =>
  command('RecordRepairProgress', {
    repairPointId: point,
    deviceOrderNo,
    progress: {
      faults: [{ component: 'hash_board', position: 2, chips: ['U12'] }],
      partsReplaced: [{ part: 'BM1366 chip', quantity: 1 }],
      ...(result ? { result } : {}),
    },
  });
const recorded = (deviceOrderNo: string, result?: 'repaired' | 'unrepairable'): RepairOrderEvent => ({
  type: 'RepairProgressRecorded',
  data: {
    ...order,
    repairPointId: point,
    deviceOrderNo,
    faults: [{ component: 'hash_board', position: 2, chips: ['U12'] }],
    partsReplaced: [{ part: 'BM1366 chip', quantity: 1 }],
    ...(result ? { result } : {}),
    recordedAt: now,
  },
});
const shipBack = (deviceOrderNos: string[]) =>
  command('ShipBack', {
    repairPointId: point,
    deviceOrderNos,
    carrier: 'sf-express',
    trackingNumber: 'SF9876543210987',
  });
const returned = (deviceOrderNos: string[]): RepairOrderEvent => ({
  type: 'DeviceReturned',
  data: {
    ...order,
    customerId,
    repairPointId: point,
    deviceOrderNos,
    carrier: 'sf-express',
    trackingNumber: 'SF9876543210987',
    returnedAt: now,
  },
});
const atPoint = [opened, submitted, received(first), received(second), received(third, 'missing')];

describe('a repair order', () => {
  describe('opening', () => {
    it("opens from a converted consultation with the consultation's device as its first line", () => {
      spec.given([]).when(open).then([opened]);
    });

    it('refuses to open twice under one diagnosis code', () => {
      spec
        .given([opened])
        .when(open)
        .thenThrows(ConflictError, (e) => e.code === 'repair_order_exists');
    });
  });

  describe('the mail-in form', () => {
    it('sends every line on the form to the chosen repair point with the parcel’s tracking number', () => {
      spec.given([opened]).when(submit).then([submitted]);
    });

    it('cancels the consultation’s line when the customer took it off the form', () => {
      const withoutFirst = command('SubmitMailIn', { ...submit.data, lines: formLines.slice(1) });
      const state = fold(repairOrderDecider, [
        opened,
        ...repairOrderDecider.decide(withoutFirst, fold(repairOrderDecider, [opened])),
      ]);
      expect(state).toMatchObject({
        status: 'awaiting_receipt',
        lines: [
          { deviceOrderNo: first, status: 'cancelled' },
          { deviceOrderNo: second, status: 'awaiting_receipt' },
          { deviceOrderNo: third, status: 'awaiting_receipt' },
        ],
      });
    });

    it('is refused for another customer’s order, as if it did not exist', () => {
      spec
        .given([opened])
        .when(command('SubmitMailIn', { ...submit.data, customerId: otherCustomer }))
        .thenThrows(NotFoundError, (e) => e.code === 'repair_order_not_found');
    });

    it('is refused a second time', () => {
      spec.given([opened, submitted]).when(submit).thenThrows(IllegalTransitionError);
    });

    it('refuses an SN on the form twice and an empty form', () => {
      spec
        .given([opened])
        .when(
          command('SubmitMailIn', {
            ...submit.data,
            lines: [formLines[0]!, { ...formLines[1]!, sn: formLines[0]!.sn }],
          }),
        )
        .thenThrows(InvalidError, (e) => e.code === 'duplicate_sn');
      spec
        .given([opened])
        .when(command('SubmitMailIn', { ...submit.data, lines: [] }))
        .thenThrows(InvalidError, (e) => e.code === 'mail_in_empty');
    });

    it('is refused for an order that does not exist', () => {
      spec.given([]).when(submit).thenThrows(NotFoundError);
    });
  });

  describe('before receipt', () => {
    it('lets the customer correct the tracking number, and a repeat changes nothing', () => {
      const correct = command('CorrectOutboundShipment', {
        customerId,
        carrier: 'jd',
        trackingNumber: 'JDVA00000000001',
      });
      const corrected: RepairOrderEvent = {
        type: 'OutboundShipmentCorrected',
        data: { ...order, carrier: 'jd', trackingNumber: 'JDVA00000000001', correctedAt: now },
      };
      spec.given([opened, submitted]).when(correct).then([corrected]);
      spec.given([opened, submitted, corrected]).when(correct).then([]);
    });

    it('refuses a tracking number before the form and after receipt', () => {
      const correct = command('CorrectOutboundShipment', {
        customerId,
        carrier: 'jd',
        trackingNumber: 'JDVA00000000001',
      });
      spec.given([opened]).when(correct).thenThrows(IllegalTransitionError);
      spec
        .given([opened, submitted, received(first)])
        .when(correct)
        .thenThrows(IllegalTransitionError);
    });

    it('lets the customer cancel every line, before or after the form', () => {
      const cancel = command('CancelRepairOrder', { customerId });
      spec
        .given([opened])
        .when(cancel)
        .then([
          { type: 'RepairOrderCancelled', data: { ...order, deviceOrderNos: [first], cancelledAt: now } },
        ]);
      spec
        .given([opened, submitted])
        .when(cancel)
        .then([
          {
            type: 'RepairOrderCancelled',
            data: { ...order, deviceOrderNos: [first, second, third], cancelledAt: now },
          },
        ]);
    });

    it('refuses to cancel once a machine was received, and another customer’s cancel', () => {
      spec
        .given([opened, submitted, received(first)])
        .when(command('CancelRepairOrder', { customerId }))
        .thenThrows(IllegalTransitionError);
      spec
        .given([opened, submitted])
        .when(command('CancelRepairOrder', { customerId: otherCustomer }))
        .thenThrows(NotFoundError);
    });
  });

  describe('receipt at the repair point', () => {
    it('records each scanned line with its outcome, note and photos', () => {
      spec
        .given([opened, submitted])
        .when(
          receive([
            { deviceOrderNo: first, outcome: 'received', photos: [] },
            { deviceOrderNo: third, outcome: 'mismatched', note: 'An S19, not a D1', photos: [photo] },
          ]),
        )
        .then([
          received(first),
          {
            type: 'DeviceReceived',
            data: {
              ...order,
              repairPointId: point,
              deviceOrderNo: third,
              outcome: 'mismatched',
              note: 'An S19, not a D1',
              photos: [photo],
              receivedAt: now,
            },
          },
        ]);
    });

    it('records a machine scanned twice once', () => {
      spec
        .given([opened, submitted, received(first)])
        .when(receive([{ deviceOrderNo: first, outcome: 'received' }]))
        .then([]);
    });

    it('receives a machine reported missing that turned up later', () => {
      spec
        .given(atPoint)
        .when(receive([{ deviceOrderNo: third, outcome: 'received' }]))
        .then([received(third)]);
    });

    it('is refused for a cancelled order, a line not on it, and before the form', () => {
      spec
        .given([
          opened,
          submitted,
          {
            type: 'RepairOrderCancelled',
            data: { ...order, deviceOrderNos: [first, second, third], cancelledAt: now },
          },
        ])
        .when(receive([{ deviceOrderNo: first, outcome: 'received' }]))
        .thenThrows(IllegalTransitionError);
      spec
        .given([opened, submitted])
        .when(receive([{ deviceOrderNo: 'ffffffffffffffffffffffffffffffff', outcome: 'received' }]))
        .thenThrows(InvalidError, (e) => e.code === 'device_line_not_found');
      spec
        .given([opened])
        .when(receive([{ deviceOrderNo: first, outcome: 'received' }]))
        .thenThrows(NotFoundError);
    });

    it('is refused to an engineer of another repair point, as if the order did not exist', () => {
      spec
        .given([opened, submitted])
        .when(receive([{ deviceOrderNo: first, outcome: 'received' }], 'rp-beijing'))
        .thenThrows(NotFoundError, (e) => e.code === 'repair_order_not_found');
    });

    it('is refused for a line under repair', () => {
      spec
        .given([...atPoint, recorded(first)])
        .when(receive([{ deviceOrderNo: first, outcome: 'missing' }]))
        .thenThrows(IllegalTransitionError);
    });
  });

  describe('repair', () => {
    it('records faults found and parts replaced, and the result', () => {
      spec
        .given(atPoint)
        .when(progress(first))
        .then([recorded(first)]);
      spec
        .given([...atPoint, recorded(first)])
        .when(progress(first, 'repaired'))
        .then([recorded(first, 'repaired')]);
    });

    it('records photos of the machine as a step of their own', () => {
      spec
        .given(atPoint)
        .when(
          command('RecordRepairProgress', {
            repairPointId: point,
            deviceOrderNo: first,
            progress: { faults: [], partsReplaced: [], photos: [photo] },
          }),
        )
        .then([
          {
            type: 'RepairProgressRecorded',
            data: {
              ...order,
              repairPointId: point,
              deviceOrderNo: first,
              faults: [],
              partsReplaced: [],
              photos: [photo],
              recordedAt: now,
            },
          },
        ]);
    });

    it('is refused for a missing machine and one not received yet', () => {
      spec.given(atPoint).when(progress(third)).thenThrows(IllegalTransitionError);
      spec.given([opened, submitted]).when(progress(first)).thenThrows(IllegalTransitionError);
    });
  });

  describe('shipping back', () => {
    it('ships repaired and unrepairable lines in one parcel', () => {
      spec
        .given([...atPoint, recorded(first, 'repaired'), recorded(second, 'unrepairable')])
        .when(shipBack([first, second, first]))
        .then([returned([first, second])]);
    });

    it('is refused before receipt and before a result', () => {
      spec
        .given([opened, submitted])
        .when(shipBack([first]))
        .thenThrows(IllegalTransitionError);
      spec
        .given([...atPoint, recorded(first)])
        .when(shipBack([first]))
        .thenThrows(IllegalTransitionError);
    });
  });

  describe('completion', () => {
    const back = [
      ...atPoint,
      recorded(first, 'repaired'),
      recorded(second, 'repaired'),
      returned([first, second]),
    ];

    it('completes the returned lines when the customer confirms receipt', () => {
      spec
        .given(back)
        .when(command('ConfirmReturn', { confirmedBy: 'customer', customerId }))
        .then([
          {
            type: 'ReturnConfirmed',
            data: { ...order, deviceOrderNos: [first, second], confirmedBy: 'customer', confirmedAt: now },
          },
        ]);
    });

    it('completes the lines of a delivered parcel once, whoever confirmed first', () => {
      const confirmedByCustomer: RepairOrderEvent = {
        type: 'ReturnConfirmed',
        data: { ...order, deviceOrderNos: [first, second], confirmedBy: 'customer', confirmedAt: now },
      };
      const delivery = command(
        'ConfirmReturn',
        { confirmedBy: 'delivery_report', deviceOrderNos: [first, second] },
        later,
      );
      spec
        .given(back)
        .when(delivery)
        .then([
          {
            type: 'ReturnConfirmed',
            data: {
              ...order,
              deviceOrderNos: [first, second],
              confirmedBy: 'delivery_report',
              confirmedAt: later,
            },
          },
        ]);
      spec
        .given([...back, confirmedByCustomer])
        .when(delivery)
        .then([]);
    });

    it('refuses a confirmation when nothing is on its way back', () => {
      spec
        .given(atPoint)
        .when(command('ConfirmReturn', { confirmedBy: 'customer', customerId }))
        .thenThrows(IllegalTransitionError);
    });
  });

  describe('its status, read from its lines', () => {
    const statusAfter = (events: RepairOrderEvent[]) => fold(repairOrderDecider, events).status;

    it('follows the manual’s arc from 待提交 to 已完成', () => {
      expect(statusAfter([opened])).toBe('awaiting_submission');
      expect(statusAfter([opened, submitted])).toBe('awaiting_receipt');
      expect(statusAfter(atPoint)).toBe('received');
      expect(statusAfter([...atPoint, recorded(first)])).toBe('repairing');
      const back = [
        ...atPoint,
        recorded(first, 'repaired'),
        recorded(second, 'repaired'),
        returned([first, second]),
      ];
      expect(statusAfter(back)).toBe('returned');
      expect(
        statusAfter([
          ...back,
          {
            type: 'ReturnConfirmed',
            data: { ...order, deviceOrderNos: [first, second], confirmedBy: 'customer', confirmedAt: now },
          },
        ]),
      ).toBe('completed');
    });

    it('stays under repair while one of its machines is still at the point', () => {
      expect(statusAfter([...atPoint, recorded(first, 'repaired'), returned([first])])).toBe('repairing');
    });
  });

  describe('the delivery report of the outbound parcel', () => {
    const note = command('NoteParcelDelivered', { deliveredAt: later });

    it('goes on the timeline while the point has yet to open the parcel', () => {
      spec
        .given([opened, submitted])
        .when(note)
        .then([
          { type: 'OutboundParcelDelivered', data: { ...order, repairPointId: point, deliveredAt: later } },
        ]);
    });

    it('changes nothing once the point has received the machines', () => {
      spec.given(atPoint).when(note).then([]);
    });
  });
});
