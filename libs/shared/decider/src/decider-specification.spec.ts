import { describe, expect, it } from '@jest/globals';
import type { Decider } from './decider.js';
import { DeciderSpecification } from './decider-specification.js';

type Event = { type: 'Opened'; data: null } | { type: 'Closed'; data: null };
type Command = { type: 'Open' } | { type: 'Close' };

class AlreadyClosed extends Error {}

const door: Decider<Command, Event, { open: boolean }> = {
  initialState: { open: false },
  decide: (command, state) => {
    if (command.type === 'Open') return state.open ? [] : [{ type: 'Opened', data: null }];
    if (!state.open) throw new AlreadyClosed('already closed');
    return [{ type: 'Closed', data: null }];
  },
  evolve: (_, event) => ({ open: event.type === 'Opened' }),
};

const spec = DeciderSpecification.for(door);

describe('DeciderSpecification', () => {
  it('folds the given events before deciding', () => {
    expect(
      spec
        .given([{ type: 'Opened', data: null }])
        .when({ type: 'Close' })
        .then(),
    ).toEqual([{ type: 'Closed', data: null }]);
    expect(
      spec
        .given([{ type: 'Opened', data: null }])
        .when({ type: 'Open' })
        .then(),
    ).toEqual([]);
  });

  it('returns the refusal of a command', () => {
    expect(spec.given([]).when({ type: 'Close' }).thenThrows()).toBeInstanceOf(AlreadyClosed);
  });

  it('fails when a refusal was expected and events were decided', () => {
    expect(() => spec.given([]).when({ type: 'Open' }).thenThrows()).toThrow(
      'Expected a refusal, got [{"type":"Opened","data":null}]',
    );
  });
});
