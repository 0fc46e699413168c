import { ConcurrencyError, ConflictError } from '@aftersales/contracts/common';
import { type Command, type Decider, type DomainEvent, fold } from '@aftersales/shared-decider';
import { namedUuid } from '@aftersales/shared-messaging';
import { DuplicateEventError, type NewEvent } from './envelope.js';
import type { DecisionEvent, EventStore } from './event-store.js';
import type { Projection } from './projection.js';

export interface HandleOptions {
  /**
   * The version the caller read the object at (HTTP `If-Match`): the command applies to that version
   * only, and a newer one is refused with a 412. Without it, the version loaded here is expected.
   */
  expectedVersion?: number;
  /**
   * Whether, when another writer appended between load and append, the command may be decided again on
   * the newer state. Only for commands whose outcome does not depend on what the caller saw.
   */
  retryOnConflict?: boolean;
}

export interface HandledCommand<Event extends DomainEvent, State> {
  /** The events the command decided, the first time it was handled. */
  events: Event[];
  state: State;
  /** The stream's version after those events. */
  version: number;
  /** True when the command had been handled before: nothing was appended this time. */
  replayed: boolean;
}

/** Deciding again after a conflict is bounded: a stream that busy needs the caller to retry later. */
const MAX_ATTEMPTS = 3;

/**
 * The event ids of a command's events, derived from its id (a name-based UUID), so that a retried
 * command can never append its events twice, on this stream or another.
 */
export function eventIdOf(commandId: string, index: number): string {
  return namedUuid(`${commandId}#${index}`);
}

/**
 * The one way a command changes an event-sourced object: load its stream, fold it, `decide`, and append
 * the decided events with the version the decision was made on, together with their outbox rows and
 * the inline projections' changes, in one transaction.
 */
export class CommandHandler<C extends Command, Event extends DomainEvent, State> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, Event, State>,
    /** Read models that must show the change as soon as the command returns. */
    private readonly inlineProjections: readonly Projection[] = [],
  ) {}

  async handle(
    streamId: string,
    command: C,
    options: HandleOptions = {},
  ): Promise<HandledCommand<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.loadStream<Event>(streamId);
      const replayed = this.firstResult(history, command);
      if (replayed) return replayed;
      const version = history.length;
      const state = fold(this.decider, history.map(domainEvent));
      // A refusal speaks of the object as it is now (it does not exist, the step is not allowed), so it
      // comes before the complaint that the caller read an older version.
      const events = this.decider.decide(command, state);
      if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
        throw new ConcurrencyError(streamId, options.expectedVersion, version, true);
      }
      if (events.length === 0) return { events, state, version, replayed: false };
      try {
        const nextVersion = await this.append(streamId, command, events, version);
        return {
          events,
          state: events.reduce(this.decider.evolve, state),
          version: nextVersion,
          replayed: false,
        };
      } catch (error) {
        if (error instanceof DuplicateEventError) return this.concurrentRetry(streamId, command);
        if (!(error instanceof ConcurrencyError)) throw error;
        // The writer that got there first may have been this very command, sent twice at once.
        const newer = await this.store.loadStream<Event>(streamId);
        const replayed = this.firstResult(newer, command);
        if (replayed) return replayed;
        if (options.expectedVersion !== undefined) {
          throw new ConcurrencyError(streamId, options.expectedVersion, error.actual, true);
        }
        if (!options.retryOnConflict || attempt >= MAX_ATTEMPTS) {
          // A refusal on the newer state ("exists already") tells the caller more than "it changed".
          this.decider.decide(command, fold(this.decider, newer.map(domainEvent)));
          throw error;
        }
      }
    }
  }

  private async append(streamId: string, command: C, events: Event[], version: number): Promise<number> {
    const { commandId, correlationId, actor, now } = command.metadata;
    const envelopes: NewEvent<Event>[] = events.map((event, index) => ({
      eventId: eventIdOf(commandId, index),
      type: event.type,
      data: event.data,
      metadata: { commandId, correlationId, causationId: commandId, actor, timestamp: now },
    }));
    const expected = version === 0 ? 'no_stream' : version;
    if (this.inlineProjections.length === 0) {
      return (await this.store.append(streamId, envelopes, expected)).nextVersion;
    }
    return this.store.transaction(async (store, tx) => {
      const { nextVersion, recorded } = await store.append(streamId, envelopes, expected);
      for (const event of recorded) {
        for (const projection of this.inlineProjections) {
          if (projection.canHandle.includes(event.type)) await projection.evolve(event, tx);
        }
      }
      return nextVersion;
    });
  }

  /** The result of the command's first handling, if its events are in the stream. */
  private firstResult(history: DecisionEvent<Event>[], command: C): HandledCommand<Event, State> | undefined {
    const { commandId } = command.metadata;
    const last = history.findLastIndex((e) => e.commandId === commandId);
    if (last < 0) return undefined;
    const upTo = history.slice(0, last + 1);
    return {
      events: upTo.filter((e) => e.commandId === commandId).map(domainEvent),
      state: fold(this.decider, upTo.map(domainEvent)),
      version: upTo.at(-1)!.version,
      replayed: true,
    };
  }

  /** The same command was appended meanwhile by a concurrent retry, or its id was used elsewhere. */
  private async concurrentRetry(streamId: string, command: C): Promise<HandledCommand<Event, State>> {
    const replayed = this.firstResult(await this.store.loadStream<Event>(streamId), command);
    if (replayed) return replayed;
    throw new ConflictError(
      `Command ${command.metadata.commandId} was already used for another object; send a new command id`,
      { code: 'command_id_reused' },
    );
  }
}

function domainEvent<Event extends DomainEvent>(recorded: DecisionEvent<Event>): Event {
  return { type: recorded.type, data: recorded.data } as Event;
}
