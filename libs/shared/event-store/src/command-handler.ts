import { randomUUID } from 'node:crypto';
import { type Decider, type DomainEvent, fold } from '@aftersales/shared-decider';
import { ConcurrencyError, type EventMetadata, type NewEvent } from './envelope.js';
import type { EventStore } from './event-store.js';

export interface CommandContext {
  /** The metadata every event of this command carries. */
  metadata: EventMetadata;
  /**
   * Ids for the new events, derived from the command's own id, so that a retried command appends events
   * the store recognises. Defaults to random ids.
   */
  eventIds?: (index: number) => string;
}

export interface HandledCommand<Event extends DomainEvent, State> {
  events: Event[];
  state: State;
  version: number;
}

/**
 * Load, fold, decide, append with the loaded version. When another writer got there first, the whole
 * cycle runs again on the new state, up to `maxAttempts` times, then the conflict goes to the caller.
 */
export class CommandHandler<Command, Event extends DomainEvent, State> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly maxAttempts = 3,
  ) {}

  async handle(
    streamId: string,
    command: Command,
    context: CommandContext,
  ): Promise<HandledCommand<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream<Event>(streamId);
      const version = history.length;
      const state = fold(
        this.decider,
        history.map((e) => ({ type: e.type, data: e.data }) as Event),
      );
      const events = this.decider.decide(command, state);
      if (events.length === 0) return { events, state, version };
      const envelopes: NewEvent<Event>[] = events.map((event, index) => ({
        eventId: context.eventIds?.(index) ?? randomUUID(),
        type: event.type,
        data: event.data,
        metadata: context.metadata,
      }));
      try {
        const { nextVersion } = await this.store.append(
          streamId,
          envelopes,
          version === 0 ? 'no_stream' : version,
        );
        return { events, state: events.reduce(this.decider.evolve, state), version: nextVersion };
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= this.maxAttempts) throw error;
      }
    }
  }
}
