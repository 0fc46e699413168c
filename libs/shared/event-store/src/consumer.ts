import type { EventContract } from '@aftersales/contracts/common';
import { type Delivery, PermanentDeliveryError } from '@aftersales/shared-messaging';
import type { Database } from '@aftersales/shared-persistence';
import type { RecordedEvent } from './envelope.js';
import { processOnce } from './process-once.js';

/** A service's reaction to another service's events, applied once per event however often it arrives. */
export interface Consumer {
  /** Names the consumer's position on the bus and its processed-event records. */
  name: string;
  /** The publishing service. */
  from: string;
  /** The events it reacts to; others on the same stream pass by. */
  events: readonly EventContract[];
  /** Applies one event, in the transaction that records it as processed. */
  handle(event: RecordedEvent, tx: Database): Promise<void>;
}

/**
 * No delivery of the event will ever pass its contract (its data, or its version, is not what the
 * consumer reads): it goes to the dead letters on its first.
 */
export class MalformedEventError extends PermanentDeliveryError {
  override name = 'MalformedEventError';
}

/**
 * The bus handler of a consumer: it checks each event against its contract before applying it, so a
 * malformed event goes to the dead letters at once instead of into the read model.
 */
export function consumerHandler(db: Database, schema: string, consumer: Consumer) {
  return async (delivery: Delivery): Promise<void> => {
    const event = delivery.data as RecordedEvent;
    const contract = consumer.events.find((c) => c.type === event?.type);
    if (!contract) return;
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
    await processOnce(db, schema, consumer.name, delivery.id, (tx) =>
      consumer.handle({ ...event, data: parsed.data }, tx),
    );
  };
}
