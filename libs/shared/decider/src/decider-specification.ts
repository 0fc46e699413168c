import type { Command, Decider, DomainEvent } from './decider.js';

/** Events are JSON data: two are equal when their JSON is, whatever the order of their keys. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export class SpecificationFailure extends Error {
  override name = 'SpecificationFailure';
}

/**
 * Given/when/then for deciders, with no test framework: `then` and `thenThrows` throw a
 * `SpecificationFailure` saying what differs, so any runner reports it as a failed test.
 *
 *     const spec = DeciderSpecification.for(repairOrder);
 *     spec.given([opened]).when(submitMailIn).then([mailInSubmitted]);
 *     spec.given([opened, cancelled]).when(submitMailIn).thenThrows(IllegalTransitionError);
 */
export const DeciderSpecification = {
  for<C extends Command, Event extends DomainEvent, State>(decider: Decider<C, Event, State>) {
    return {
      given(events: Event[]) {
        return {
          when(command: C) {
            const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState));
            return {
              /** Asserts that the decider decides exactly `expected`, in order. */
              then(expected: Event[]): void {
                const decided = run();
                if (canonical(decided) !== canonical(expected)) {
                  throw new SpecificationFailure(
                    `Expected ${canonical(expected)}\n     got ${canonical(decided)}`,
                  );
                }
              },
              /**
               * Asserts that the decider refuses the command with an error of `type`, and that the error
               * passes `check` when one is given (to look at its message or fields).
               */
              thenThrows<E extends Error>(
                type: abstract new (...args: never[]) => E,
                check?: (error: E) => boolean,
              ): void {
                let decided: Event[];
                try {
                  decided = run();
                } catch (error) {
                  if (!(error instanceof type)) {
                    throw new SpecificationFailure(`Expected ${type.name}, got ${String(error)}`);
                  }
                  if (check && !check(error)) {
                    throw new SpecificationFailure(`The ${type.name} failed the check: ${error.message}`);
                  }
                  return;
                }
                throw new SpecificationFailure(`Expected ${type.name}, got ${canonical(decided)}`);
              },
            };
          },
        };
      },
    };
  },
};
