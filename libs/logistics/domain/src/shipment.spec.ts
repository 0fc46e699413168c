import { describe, it } from '@jest/globals';
import { NotFoundError } from '@aftersales/contracts/common';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type ShipmentCommand, shipmentDecider, type ShipmentEvent } from './shipment.js';

const spec = DeciderSpecification.for(shipmentDecider);
const shipmentId = '7d1c2b3a-1111-4aaa-8bbb-000000000001';
const metadata = {
  actor: 'service:logistics',
  commandId: 'command-1',
  correlationId: 'correlation-1',
  causationId: 'cause-1',
  now: '2026-11-28T09:00:00.000Z',
};
const created: ShipmentEvent = {
  type: 'ShipmentCreated',
  data: {
    shipmentId,
    direction: 'return',
    repairOrderId: '3a0e6b1c-7f1d-4c55-9a1e-5b2f0c8d9e01',
    diagnosisCode: 'ZH0090Gd',
    customerId: '5d1c2b3a-1111-4aaa-8bbb-000000000001',
    repairPointId: 'rp-shenzhen',
    deviceOrderNos: ['0123456789abcdef0123456789abcdef'],
    carrier: 'sf-express',
    trackingNumber: 'SF1234567890123',
    createdAt: '2026-11-28T08:00:00.000Z',
  },
};
const checkpoint = (checkpointId: string, status: 'in_transit' | 'delivered' | 'exception', at: string) =>
  ({
    type: 'RecordCheckpoint',
    data: { checkpointId, status, at, description: status, source: 'aftership' },
    metadata,
  }) as ShipmentCommand;
const recorded = (
  checkpointId: string,
  status: 'in_transit' | 'delivered' | 'exception',
  at: string,
): ShipmentEvent => ({
  type: 'CheckpointRecorded',
  data: { shipmentId, checkpointId, status, at, description: status, source: 'aftership' },
});
const first = '00000000-0000-4000-8000-000000000001';
const second = '00000000-0000-4000-8000-000000000002';
const third = '00000000-0000-4000-8000-000000000003';
const delivered: ShipmentEvent = {
  type: 'ShipmentDelivered',
  data: {
    shipmentId,
    direction: 'return',
    repairOrderId: created.data.repairOrderId,
    diagnosisCode: 'ZH0090Gd',
    deviceOrderNos: created.data.deviceOrderNos,
    deliveredAt: '2026-11-30T10:00:00.000Z',
  },
};

describe('a shipment', () => {
  it('is created once from its order’s event, however often that arrives', () => {
    const create = { type: 'CreateShipment', data: created.data, metadata } as ShipmentCommand;
    spec.given([]).when(create).then([created]);
    spec.given([created]).when(create).then([]);
  });

  it('takes the number the customer corrected, once', () => {
    const correct = {
      type: 'CorrectShipment',
      data: { carrier: 'jd-logistics', trackingNumber: 'JDVA00000000001' },
      metadata,
    } as ShipmentCommand;
    spec
      .given([created])
      .when(correct)
      .then([
        {
          type: 'ShipmentCorrected',
          data: {
            shipmentId,
            carrier: 'jd-logistics',
            trackingNumber: 'JDVA00000000001',
            correctedAt: metadata.now,
          },
        },
      ]);
    spec
      .given([
        created,
        {
          type: 'ShipmentCorrected',
          data: {
            shipmentId,
            carrier: 'jd-logistics',
            trackingNumber: 'JDVA00000000001',
            correctedAt: metadata.now,
          },
        },
      ])
      .when(correct)
      .then([]);
  });

  it('records each checkpoint once', () => {
    spec
      .given([created])
      .when(checkpoint(first, 'in_transit', '2026-11-29T08:00:00.000Z'))
      .then([recorded(first, 'in_transit', '2026-11-29T08:00:00.000Z')]);
    spec
      .given([created, recorded(first, 'in_transit', '2026-11-29T08:00:00.000Z')])
      .when(checkpoint(first, 'in_transit', '2026-11-29T08:00:00.000Z'))
      .then([]);
  });

  it('is delivered once: a second delivered checkpoint records only itself', () => {
    spec
      .given([created])
      .when(checkpoint(second, 'delivered', '2026-11-30T10:00:00.000Z'))
      .then([recorded(second, 'delivered', '2026-11-30T10:00:00.000Z'), delivered]);
    spec
      .given([created, recorded(second, 'delivered', '2026-11-30T10:00:00.000Z'), delivered])
      .when(checkpoint(third, 'delivered', '2026-11-30T11:00:00.000Z'))
      .then([recorded(third, 'delivered', '2026-11-30T11:00:00.000Z')]);
  });

  it('refuses checkpoints and corrections of a shipment that does not exist', () => {
    spec
      .given([])
      .when(checkpoint(first, 'in_transit', metadata.now))
      .thenThrows(NotFoundError);
  });
});
