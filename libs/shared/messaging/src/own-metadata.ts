import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { currentCorrelationId } from '@aftersales/shared-telemetry';

/**
 * The metadata of what a service asks another on its own behalf (who a caller is, what people are called):
 * a new request each time, within the correlation of the work it runs for.
 */
export function ownMetadata(service: string): CommandMetadata {
  const id = randomUUID();
  return {
    actor: `service:${service}`,
    commandId: id,
    correlationId: currentCorrelationId() ?? id,
    causationId: id,
    now: new Date().toISOString(),
  };
}
