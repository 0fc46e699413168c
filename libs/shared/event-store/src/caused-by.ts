import type { CommandMetadata } from '@aftersales/contracts/common';
import type { RecordedEvent } from './envelope.js';

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
