import { describe, it } from '@jest/globals';
import { ConflictError } from '@aftersales/contracts/common';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type RepairOrderCommand, repairOrderDecider, type RepairOrderEvent } from './repair-order.js';

const spec = DeciderSpecification.for(repairOrderDecider);

const open: RepairOrderCommand = {
  type: 'OpenRepairOrder',
  data: {
    repairOrderId: '3a0e6b1c-7f1d-4c55-9a1e-5b2f0c8d9e01',
    diagnosisCode: 'ZH0090Gd',
    consultationId: '0b6f1c52-3f7a-4d43-9b7e-2f1d7c9e4a10',
    customerId: '5d1c2b3a-1111-4aaa-8bbb-000000000001',
    device: { sn: 'ZH10014510045', model: 'VolcMiner D1', warrantyEndsOn: '2027-06-30' },
    deviceOrderNo: '0123456789abcdef0123456789abcdef',
  },
  metadata: {
    actor: 'service:repair-orders',
    commandId: 'consultation-converted-1',
    correlationId: 'correlation-1',
    causationId: 'event-1',
    now: '2026-11-28T09:00:00.000Z',
  },
};

const opened: RepairOrderEvent = {
  type: 'RepairOrderOpened',
  data: {
    repairOrderId: '3a0e6b1c-7f1d-4c55-9a1e-5b2f0c8d9e01',
    diagnosisCode: 'ZH0090Gd',
    consultationId: '0b6f1c52-3f7a-4d43-9b7e-2f1d7c9e4a10',
    customerId: '5d1c2b3a-1111-4aaa-8bbb-000000000001',
    lines: [
      { deviceOrderNo: '0123456789abcdef0123456789abcdef', sn: 'ZH10014510045', model: 'VolcMiner D1' },
    ],
    openedAt: '2026-11-28T09:00:00.000Z',
  },
};

describe('a repair order', () => {
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
