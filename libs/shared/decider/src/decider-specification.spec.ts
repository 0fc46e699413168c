import { describe, expect, it } from '@jest/globals';
import { IllegalTransitionError, InvalidError } from '@aftersales/contracts/common';
import type { Command, Decider } from './decider.js';
import { DeciderSpecification, SpecificationFailure } from './decider-specification.js';

type Event = { type: 'Opened'; data: { at: string } } | { type: 'Closed'; data: { at: string } };
type DoorCommand = Command<'Open' | 'Close', Record<string, never>>;

const metadata = {
  actor: 'user:1',
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: 'c-1',
  now: '2026-11-28T08:00:00.000Z',
};

/** A door: opening an open door changes nothing; closing a closed one is refused. */
const door: Decider<DoorCommand, Event, { open: boolean }> = {
  initialState: { open: false },
  decide: (command, state) => {
    const at = command.metadata.now;
    if (command.type === 'Open') return state.open ? [] : [{ type: 'Opened', data: { at } }];
    if (!state.open) throw new IllegalTransitionError('closed', 'Close', 'The door is closed already');
    return [{ type: 'Closed', data: { at } }];
  },
  evolve: (_, event) => ({ open: event.type === 'Opened' }),
};

const spec = DeciderSpecification.for(door);
const open: DoorCommand = { type: 'Open', data: {}, metadata };
const close: DoorCommand = { type: 'Close', data: {}, metadata };
const opened: Event = { type: 'Opened', data: { at: '2026-11-27T08:00:00.000Z' } };

describe('DeciderSpecification', () => {
  it('passes when the decided events are the expected ones, taking the time from the metadata', () => {
    spec
      .given([opened])
      .when(close)
      .then([{ type: 'Closed', data: { at: '2026-11-28T08:00:00.000Z' } }]);
    spec.given([opened]).when(open).then([]);
  });

  it('fails, saying both, when the decided events differ from the expected ones', () => {
    expect(() =>
      spec
        .given([])
        .when(open)
        .then([{ type: 'Opened', data: { at: 'yesterday' } }]),
    ).toThrow(
      new SpecificationFailure(
        'Expected [{"data":{"at":"yesterday"},"type":"Opened"}]\n' +
          '     got [{"data":{"at":"2026-11-28T08:00:00.000Z"},"type":"Opened"}]',
      ),
    );
  });

  it('passes when the command is refused with the expected error class and check', () => {
    spec
      .given([])
      .when(close)
      .thenThrows(IllegalTransitionError, (e) => e.state === 'closed');
  });

  it('fails when the command is refused with another error class, or the check fails', () => {
    expect(() => spec.given([]).when(close).thenThrows(InvalidError)).toThrow(
      'Expected InvalidError, got IllegalTransitionError: The door is closed already',
    );
    expect(() =>
      spec
        .given([])
        .when(close)
        .thenThrows(IllegalTransitionError, (e) => e.state === 'open'),
    ).toThrow('The IllegalTransitionError failed the check: The door is closed already');
  });

  it('fails when a refusal was expected and events were decided', () => {
    expect(() => spec.given([]).when(open).thenThrows(IllegalTransitionError)).toThrow(
      'Expected IllegalTransitionError, got [{"data":{"at":"2026-11-28T08:00:00.000Z"},"type":"Opened"}]',
    );
  });
});
