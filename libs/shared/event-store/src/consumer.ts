import { Logger } from '@nestjs/common';
import type { EventContract } from '@aftersales/contracts/common';
import { type Delivery, PermanentDeliveryError } from '@aftersales/shared-messaging';
import type { Database } from '@aftersales/shared-persistence';
import { inSpan, SpanKind, withCorrelationId } from '@aftersales/shared-telemetry';
import type { RecordedEvent } from './envelope.js';
import type { EventStore } from './event-store.js';
import { processOnce } from './process-once.js';

/** A service's reaction to another service's events, applied once per event however often it arrives. */
export interface Consumer {
  /** Names the consumer's position on the bus and its processed-event records. */
  name: string;
  /** The publishing service. */
  from: string;
  /** The events it reacts to; others on the same stream pass by. */
  events: readonly EventContract[];
  /**
   * Applies one event, in the transaction that records it as processed. `store` appends in that same
   * transaction, so an event this consumer decides on is recorded together with the delivery it came from.
   */
  handle(event: RecordedEvent, tx: Database, store: EventStore): Promise<void>;
  /**
   * Runs after that transaction committed, on every delivery of the event: for telling processes that
   * keep state in memory, which must not hear of a change before they can read it.
   */
  afterCommit?(event: RecordedEvent): Promise<void>;
}

/**
 * No delivery of the event will ever pass its contract (its data, or its version, is not what the
 * consumer reads): it goes to the dead letters on its first.
 */
export class MalformedEventError extends PermanentDeliveryError {
  override name = 'MalformedEventError';
}

const logger = new Logger('Consumer');

/**
 * The bus handler of a consumer: it checks each event against its contract before applying it, so a
 * malformed event goes to the dead letters at once instead of into the read model. It applies the event in
 * a span that continues the trace the event was appended in, on behalf of its correlation id.
 */
export function consumerHandler(store: EventStore, consumer: Consumer) {
  return async (delivery: Delivery): Promise<void> => {
    const event = delivery.data as RecordedEvent;
    const contract = consumer.events.find((c) => c.type === event?.type);
    if (!contract) return;
    const traced = () =>
      inSpan(
        `process ${delivery.subject}`,
        {
          kind: SpanKind.CONSUMER,
          parent: event.metadata,
          attributes: {
            'messaging.destination.name': delivery.subject,
            'messaging.message.id': delivery.id,
            'messaging.consumer.group.name': consumer.name,
          },
        },
        () =>
          applyOnce(store, consumer, contract, delivery).catch((error: unknown) => {
            logger.warn(`${consumer.name} could not apply ${event.type} ${delivery.id}: ${String(error)}`);
            throw error;
          }),
      );
    const correlationId = event.metadata?.correlationId;
    return typeof correlationId === 'string' ? withCorrelationId(correlationId, traced) : traced();
  };
}

/** Checks the event against its contract and applies it once; `afterCommit` runs on every delivery. */
async function applyOnce(
  store: EventStore,
  consumer: Consumer,
  contract: EventContract,
  delivery: Delivery,
): Promise<void> {
  const event = delivery.data as RecordedEvent;
  if (event.metadata?.schemaVersion !== contract.version) {
    throw new MalformedEventError(
      `${event.type} ${delivery.id} is of version ${event.metadata?.schemaVersion}; ` +
        `this consumer reads version ${contract.version}`,
    );
  }
  const parsed = contract.data.safeParse(event.data);
  if (!parsed.success) {
    throw new MalformedEventError(`${event.type} ${delivery.id}: ${parsed.error.message}`);
  }
  const valid = { ...event, data: parsed.data };
  const first = await store.transaction((inTransaction, tx) =>
    processOnce(tx, store.schemaName, consumer.name, delivery.id, (claimed) =>
      consumer.handle(valid, claimed, inTransaction),
    ),
  );
  await consumer.afterCommit?.(valid);
  logger.debug(`${consumer.name} ${first ? 'applied' : 'had applied before'} ${event.type} ${delivery.id}`);
}
