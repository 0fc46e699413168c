import type { DomainEvent } from '@aftersales/shared-decider';
import type { TraceCarrier } from '@aftersales/shared-telemetry';

/**
 * Who caused an event and why: the command's correlation, the message it answers, the actor, the time;
 * and, while tracing is on, the trace context it was appended in (W3C `traceparent`), which the spans of
 * the projections and consumers that apply it continue, in whichever process and however late.
 */
export interface EventMetadata extends TraceCarrier {
  /** The command that decided the event; a retry of it is recognised by this id. */
  commandId?: string;
  correlationId: string;
  causationId: string;
  /** `user:<id>`, `api-key:<id>` or `service:<name>`. */
  actor: string;
  /** ISO 8601 instant: the command's `now`. */
  timestamp: string;
  /** The version of the event's contract it was appended under, for an event the service publishes. */
  schemaVersion?: number;
}

/** An event ready to append: the id makes a retried command's append recognisable. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  eventId: string;
  type: E['type'];
  data: E['data'];
  metadata: EventMetadata;
}

/**
 * A place in the global order of a service's events. Rows are read in (transaction id, position) order,
 * which, unlike position alone, only ever grows by rows that commit later: see `EventStore.readAll`.
 */
export interface GlobalPosition {
  transactionId: string;
  position: string;
}

export const START: GlobalPosition = { transactionId: '0', position: '0' };

export interface RecordedEvent<E extends DomainEvent = DomainEvent> extends NewEvent<E> {
  streamId: string;
  version: number;
  globalPosition: GlobalPosition;
}

/** `no_stream`: the stream must not exist; a number: the version the caller decided on; `any`: no check. */
export type ExpectedVersion = 'no_stream' | 'any' | number;

/** The append carried an event id that is already stored: the same command was handled before. */
export class DuplicateEventError extends Error {
  override name = 'DuplicateEventError';

  constructor(readonly streamId: string) {
    super(`An event appended to ${streamId} is already stored`);
  }
}
