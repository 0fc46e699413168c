import {
  type Attributes,
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

export { SpanKind, type Context, type Span };

/**
 * A trace context as it crosses a process boundary, in W3C Trace Context form: in the headers of a bus
 * request, or in the metadata of a stored event (which the outbox relay and JetStream carry to consumers).
 */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The context another process handed over; without it, the span belongs to the current one. */
  parent?: TraceCarrier;
}

const tracer = () => trace.getTracer('aftersales');

/**
 * Starts a span, and returns it with the context to run its work in. Without an exporter (tracing off) the
 * span records nothing and costs next to nothing.
 */
export function startSpan(name: string, options: SpanOptions): { span: Span; context: Context } {
  const parent = options.parent ? propagation.extract(context.active(), options.parent) : context.active();
  const span = tracer().startSpan(name, { kind: options.kind, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `work` in a context `startSpan` returned: its span is the current one, its correlation id too. */
export function inContext<T>(started: Context, work: () => T): T {
  return context.with(started, work);
}

/** Marks a span failed: its work ended in an error of ours, not in a refusal the caller was owed. */
export function failSpan(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
}

/**
 * Runs `work` in a span of its own, which ends when the work does. An error fails the span unless
 * `failed` says it is an expected refusal.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions & { failed?: (error: unknown) => boolean },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const started = startSpan(name, options);
  try {
    return await context.with(started.context, () => work(started.span));
  } catch (error) {
    if (options.failed?.(error) ?? true) failSpan(started.span, error);
    throw error;
  } finally {
    started.span.end();
  }
}

/** The current trace context, to hand to another process; empty while tracing is off. */
export function traceCarrier(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The trace and span ids of the current span, for a log line; none while tracing is off. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getSpanContext(context.active());
  if (!span || !trace.isSpanContextValid(span)) return undefined;
  return { traceId: span.traceId, spanId: span.spanId };
}
