import type { Decider, DomainEvent } from './decider.js';

/**
 * Given/when/then for deciders, framework-free: `then` and `thenThrows` return what happened so that any
 * test runner can assert on it.
 *
 *     const spec = DeciderSpecification.for(repairOrder);
 *     expect(spec.given([opened]).when(submitMailIn).then()).toEqual([mailInSubmitted]);
 */
export const DeciderSpecification = {
  for<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
    return {
      given(events: Event[]) {
        return {
          when(command: Command) {
            const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState));
            return {
              /** The events the decider decided on. */
              then: (): Event[] => run(),
              /** The error the decider refused the command with; fails if it decided on events. */
              thenThrows: (): Error => {
                let decided: Event[];
                try {
                  decided = run();
                } catch (error) {
                  return error as Error;
                }
                throw new Error(`Expected a refusal, got ${JSON.stringify(decided)}`);
              },
            };
          },
        };
      },
    };
  },
};
