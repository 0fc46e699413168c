import { describe, it } from '@jest/globals';
import { ConflictError, NotFoundError } from '@aftersales/contracts/common';
import type { RepairPointInput } from '@aftersales/contracts/warranty';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type RepairPointCommand, repairPointDecider, type RepairPointEvent } from './repair-point.js';

const spec = DeciderSpecification.for(repairPointDecider);

const shenzhen: RepairPointInput = {
  kind: 'official',
  name: 'Shenzhen repair centre',
  country: 'CN',
  region: 'Guangdong',
  city: 'Shenzhen',
  address: '1 Keji Road',
  contact: 'Li Wei',
  phone: '+86 755 0000 0000',
  models: ['VolcMiner D1'],
  active: true,
};

const at = (now: string) => ({
  actor: 'user:admin-1',
  commandId: `command-${now}`,
  correlationId: 'correlation-1',
  causationId: 'correlation-1',
  now,
});

const register = (input = shenzhen): RepairPointCommand => ({
  type: 'RegisterRepairPoint',
  data: { id: 'rp-shenzhen', input },
  metadata: at('2026-11-01T08:00:00.000Z'),
});

const change = (input: RepairPointInput): RepairPointCommand => ({
  type: 'ChangeRepairPoint',
  data: { id: 'rp-shenzhen', input },
  metadata: at('2026-11-02T09:30:00.000Z'),
});

const registered: RepairPointEvent = {
  type: 'RepairPointRegistered',
  data: { ...shenzhen, id: 'rp-shenzhen', version: 1, updatedAt: '2026-11-01T08:00:00.000Z' },
};

describe('a repair point', () => {
  it('when none exists, registering it records the point at version 1, stamped with the command time', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('when it is registered, registering the same id again is refused', () => {
    spec
      .given([registered])
      .when(register())
      .thenThrows(
        ConflictError,
        (e) => e.message === 'A repair point with the id rp-shenzhen exists already',
      );
  });

  it('when it is registered, a change records the whole point at the next version', () => {
    const deactivated = { ...shenzhen, active: false, phone: '+86 755 1111 1111' };
    spec
      .given([registered])
      .when(change(deactivated))
      .then([
        {
          type: 'RepairPointChanged',
          data: { ...deactivated, id: 'rp-shenzhen', version: 2, updatedAt: '2026-11-02T09:30:00.000Z' },
        },
      ]);
  });

  it('when it was changed before, the next change counts on from there', () => {
    const renamed = { ...shenzhen, name: 'Shenzhen Futian centre' };
    const changed: RepairPointEvent = {
      type: 'RepairPointChanged',
      data: { ...renamed, id: 'rp-shenzhen', version: 2, updatedAt: '2026-11-01T12:00:00.000Z' },
    };
    spec
      .given([registered, changed])
      .when(change(shenzhen))
      .then([
        {
          type: 'RepairPointChanged',
          data: { ...shenzhen, id: 'rp-shenzhen', version: 3, updatedAt: '2026-11-02T09:30:00.000Z' },
        },
      ]);
  });

  it('when none exists, changing it is refused as not found', () => {
    spec
      .given([])
      .when(change(shenzhen))
      .thenThrows(NotFoundError, (e) => e.message === 'No repair point rp-shenzhen');
  });
});
