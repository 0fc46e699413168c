import { describe, it } from '@jest/globals';
import { ConflictError, NotFoundError } from '@aftersales/contracts/common';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type CarrierCommand, carrierDecider, type CarrierEvent } from './carrier.js';

const spec = DeciderSpecification.for(carrierDecider);
const metadata = {
  actor: 'user:admin',
  commandId: 'command-1',
  correlationId: 'correlation-1',
  causationId: 'cause-1',
  now: '2026-11-28T09:00:00.000Z',
};
const sf = {
  nameZh: '顺丰速运',
  nameEn: 'SF Express',
  pattern: 'SF\\d{13}',
  trackingUrl: 'https://www.sf-express.com/waybill/{number}',
  active: true,
};
const register = (carrier = sf) =>
  ({ type: 'RegisterCarrier', data: { code: 'sf-express', carrier }, metadata }) as CarrierCommand;
const registered: CarrierEvent = {
  type: 'CarrierRegistered',
  data: { code: 'sf-express', carrier: sf, registeredAt: metadata.now },
};

describe('a carrier', () => {
  it('is registered, and registering it again as it is changes nothing', () => {
    spec.given([]).when(register()).then([registered]);
    spec.given([registered]).when(register()).then([]);
  });

  it('refuses a second carrier under a code in use', () => {
    spec
      .given([registered])
      .when(register({ ...sf, nameEn: 'Other' }))
      .thenThrows(ConflictError);
  });

  it('changes its format, and refuses to change one that does not exist', () => {
    const change = {
      type: 'ChangeCarrier',
      data: { code: 'sf-express', carrier: { ...sf, pattern: 'SF\\d{12,13}' } },
      metadata,
    } as CarrierCommand;
    spec
      .given([registered])
      .when(change)
      .then([
        {
          type: 'CarrierChanged',
          data: { code: 'sf-express', carrier: { ...sf, pattern: 'SF\\d{12,13}' }, changedAt: metadata.now },
        },
      ]);
    spec.given([]).when(change).thenThrows(NotFoundError);
  });
});
