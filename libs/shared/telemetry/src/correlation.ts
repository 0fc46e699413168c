import { context, createContextKey } from '@opentelemetry/api';

const CORRELATION_ID = createContextKey('aftersales.correlation-id');

/**
 * The correlation id of the work this code runs for: the user action that set it off, as the gateway named
 * it. It rides in the same async context as the trace, so every log line of that work can name it.
 */
export function currentCorrelationId(): string | undefined {
  return context.active().getValue(CORRELATION_ID) as string | undefined;
}

/** Runs `work`, and everything it sets off in this process, on behalf of `correlationId`. */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return context.with(context.active().setValue(CORRELATION_ID, correlationId), work);
}
