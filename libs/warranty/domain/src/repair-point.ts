import { ConflictError, type EventDataOf, NotFoundError } from '@aftersales/contracts/common';
import type { RepairPoint, RepairPointInput, warrantyEvents } from '@aftersales/contracts/warranty';
import type { Command, Decider } from '@aftersales/shared-decider';

export type RegisterRepairPoint = Command<'RegisterRepairPoint', { id: string; input: RepairPointInput }>;
export type ChangeRepairPoint = Command<'ChangeRepairPoint', { id: string; input: RepairPointInput }>;
export type RepairPointCommand = RegisterRepairPoint | ChangeRepairPoint;

type Registered = typeof warrantyEvents.repairPointRegistered;
type Changed = typeof warrantyEvents.repairPointChanged;

/**
 * The contract's events, spelled there once. Each carries the point as it is after it, so that other
 * services keep a copy from events alone.
 */
export type RepairPointEvent =
  | { type: Registered['type']; data: EventDataOf<Registered> }
  | { type: Changed['type']; data: EventDataOf<Changed> };

export type RepairPointState = { status: 'unregistered' } | { status: 'registered'; point: RepairPoint };

/** The stream of one repair point's registration and changes. */
export const repairPointStream = (id: string) => `repair-point-${id}`;

/**
 * A repair point of the service network. Its version is its stream's version, so that a change names the
 * version it was made on (`If-Match`) and the command handler refuses it when the point changed since.
 */
export const repairPointDecider: Decider<RepairPointCommand, RepairPointEvent, RepairPointState> = {
  initialState: { status: 'unregistered' },

  decide(command, state) {
    const { id, input } = command.data;
    const { now } = command.metadata;
    switch (command.type) {
      case 'RegisterRepairPoint':
        if (state.status === 'registered') {
          throw new ConflictError(`A repair point with the id ${id} exists already`, {
            code: 'repair_point_exists',
            params: { id },
          });
        }
        return [{ type: 'RepairPointRegistered', data: { ...input, id, version: 1, updatedAt: now } }];
      case 'ChangeRepairPoint':
        if (state.status === 'unregistered')
          throw new NotFoundError(`No repair point ${id}`, {
            code: 'repair_point_not_found',
            params: { id },
          });
        return [
          {
            type: 'RepairPointChanged',
            data: { ...input, id, version: state.point.version + 1, updatedAt: now },
          },
        ];
      default: {
        const unknown: never = command;
        throw new Error(`Unknown command ${(unknown as Command).type}`);
      }
    }
  },

  evolve(_, event) {
    return { status: 'registered', point: event.data };
  },
};
