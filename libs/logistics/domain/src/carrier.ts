import { ConflictError, type EventDataOf, NotFoundError } from '@aftersales/contracts/common';
import { type CarrierInput, logisticsEvents } from '@aftersales/contracts/logistics';
import type { Command, Decider } from '@aftersales/shared-decider';

type Events = typeof logisticsEvents;
export type CarrierEvent =
  | { type: 'CarrierRegistered'; data: EventDataOf<Events['carrierRegistered']> }
  | { type: 'CarrierChanged'; data: EventDataOf<Events['carrierChanged']> };

export type RegisterCarrier = Command<'RegisterCarrier', { code: string; carrier: CarrierInput }>;
export type ChangeCarrier = Command<'ChangeCarrier', { code: string; carrier: CarrierInput }>;
export type CarrierCommand = RegisterCarrier | ChangeCarrier;

export type CarrierState = { status: 'none' } | { status: 'registered'; code: string; carrier: CarrierInput };

export const carrierStream = (code: string) => `carrier-${code}`;

const same = (a: CarrierInput, b: CarrierInput) => JSON.stringify(a) === JSON.stringify(b);

export const carrierDecider: Decider<CarrierCommand, CarrierEvent, CarrierState> = {
  initialState: { status: 'none' },

  decide({ type, data, metadata }, state) {
    if (type === 'RegisterCarrier') {
      if (state.status === 'none') {
        return [{ type: 'CarrierRegistered', data: { ...data, registeredAt: metadata.now } }];
      }
      // Registering again as it is (a retry, the demo seed at each start) changes nothing.
      if (same(state.carrier, data.carrier)) return [];
      throw new ConflictError(`A carrier ${data.code} exists already`, {
        code: 'carrier_exists',
        params: { code: data.code },
      });
    }
    if (state.status === 'none') {
      throw new NotFoundError(`No carrier ${data.code}`, {
        code: 'carrier_not_found',
        params: { code: data.code },
      });
    }
    if (same(state.carrier, data.carrier)) return [];
    return [{ type: 'CarrierChanged', data: { ...data, changedAt: metadata.now } }];
  },

  evolve(_, event) {
    return { status: 'registered', code: event.data.code, carrier: event.data.carrier };
  },
};
