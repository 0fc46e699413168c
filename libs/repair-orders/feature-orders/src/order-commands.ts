import type { CommandMetadata } from '@aftersales/contracts/common';
import { repairOrdersProjection } from '@aftersales/repair-orders-data-access';
import {
  type RepairOrderCommand,
  repairOrderDecider,
  type RepairOrderEvent,
  type RepairOrderState,
} from '@aftersales/repair-orders-domain';
import { CommandHandler, type EventStore, type RecordedEvent } from '@aftersales/shared-event-store';

/** Commands on repair orders, with the order read models kept in the transaction of the append. */
export const orderCommandsOf = (store: EventStore) =>
  new CommandHandler<RepairOrderCommand, RepairOrderEvent, RepairOrderState>(store, repairOrderDecider, [
    repairOrdersProjection,
  ]);

interface CausedCommand {
  actor: string;
  /** Prefixes the event's id to name the command, so a redelivered event repeats it rather than doubling it. */
  name: string;
  now: string;
}

/** The metadata of a command another service's recorded event sets off, in that event's correlation. */
export const metadataCausedBy = (
  event: RecordedEvent,
  { actor, name, now }: CausedCommand,
): CommandMetadata => ({
  actor,
  commandId: `${name}-${event.eventId}`,
  correlationId: event.metadata.correlationId,
  causationId: event.eventId,
  now,
});
