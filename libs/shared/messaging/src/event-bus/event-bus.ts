/** The durable event bus between services: JetStream in the distributed mode, in-process when embedded. */
export interface EventBus {
  /** Creates or widens the stream a service publishes its events to. */
  ensureStream(spec: EventStreamSpec): Promise<void>;
  /**
   * Resolves once the bus has stored the message, with its sequence in the stream; a message id seen
   * before is dropped as a duplicate, and the sequence is then the one of the message stored first.
   */
  publish(message: BusMessage, options?: PublishOptions): Promise<PublishAck>;
  /**
   * The sequence of the last message the service's stream has stored, 0 if none. It only grows, unless
   * the bus lost messages it had acknowledged: then it is below sequences it acknowledged.
   */
  lastSequence(service: string): Promise<number>;
  /**
   * Delivers the stream's matching messages to `handler`, one at a time in stream order, at least once:
   * a message is acknowledged when the handler resolves, delivered again when it throws or the consumer
   * dies first, and moved to the dead-letter subject after `maxDeliver` failed deliveries, or at once
   * when the handler throws a `PermanentDeliveryError`.
   */
  consume(spec: ConsumerSpec, handler: (delivery: Delivery) => Promise<void>): Promise<RunningConsumer>;
  close(): Promise<void>;
}

export interface EventStreamSpec {
  /** The publishing service: its stream holds `aftersales.<service>.<EventType>` for each type. */
  service: string;
  eventTypes: readonly string[];
  /** How long a message id is remembered for deduplication. */
  duplicateWindowMs?: number;
}

export interface BusMessage {
  subject: string;
  /** Unique per message (the event id): the key of deduplication. */
  id: string;
  data: unknown;
}

export interface PublishOptions {
  /**
   * Store the message only if the stream's last message has this sequence, else refuse it: a publisher
   * that checked the stream, then lost its turn or saw the stream change, cannot add to it unnoticed.
   * A duplicate is still recognised first.
   */
  expectedLastSequence?: number;
}

export interface PublishAck {
  duplicate: boolean;
  /** The message's sequence in its stream. */
  sequence: number;
}

export interface Delivery extends BusMessage {
  /** 1 on the first delivery. */
  deliveryCount: number;
}

export interface ConsumerSpec {
  /** Whose stream to read. */
  service: string;
  /** Durable name: the consumer's position survives restarts; on JetStream, replicas sharing it share the work. */
  durable: string;
  /** A NATS subject filter within the stream, e.g. `aftersales.warranty.>`. */
  filterSubject: string;
  maxDeliver?: number;
  /** How long a delivery may stay unacknowledged before it is delivered again. */
  ackWaitMs?: number;
  /** Pause before the second delivery; it doubles for each one after. */
  retryDelayMs?: number;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

/**
 * Thrown by a handler for a message no delivery will ever handle, such as one whose data breaks its
 * contract: the bus moves it to the dead letters at once instead of retrying it, which would hold back
 * every message behind it for nothing.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** What the dead-letter subject receives for a message that kept failing. */
export interface DeadLetter {
  consumer: string;
  message: BusMessage;
  deliveries: number;
  error: string;
}

export const eventSubject = (service: string, eventType: string) => `aftersales.${service}.${eventType}`;
export const deadLetterSubject = (durable: string) => `aftersales.deadletter.${durable}`;

/** JetStream's own default window. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 120_000;

export const consumerDefaults = { maxDeliver: 5, ackWaitMs: 30_000, retryDelayMs: 1_000 };

export function retryDelay(spec: ConsumerSpec, deliveryCount: number): number {
  return (spec.retryDelayMs ?? consumerDefaults.retryDelayMs) * 2 ** (deliveryCount - 1);
}

/** NATS subject matching: `*` is one token, `>` the rest. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}
