import type { CommandMetadata } from '@aftersales/contracts/common';

/** A domain event as `decide` produces it: a past-tense `type` and its data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * An imperative request to change one object. Time, ids and the actor arrive in `metadata`, so that
 * `decide` stays a pure function of the command and the state.
 */
export interface Command<Type extends string = string, Data = unknown, Metadata = CommandMetadata> {
  type: Type;
  data: Data;
  metadata: Metadata;
}

/**
 * A service's behaviour as pure functions: `decide` turns a command and the current state into new
 * events (or throws one of the errors of `@aftersales/contracts/common`), `evolve` folds one event into
 * the state.
 */
export interface Decider<C extends Command, Event extends DomainEvent, State> {
  decide(command: C, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<never, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
