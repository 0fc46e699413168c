import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { getNumberFromEnv, getStringFromEnv, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface Tracing {
  /** Exports the spans still queued, then stops; the app calls it as it closes. */
  shutdown(): Promise<void>;
}

/**
 * Whether spans have somewhere to go: the standard `OTEL_EXPORTER_OTLP_ENDPOINT` (or its traces-only
 * variant) names an OTLP/HTTP receiver, and `OTEL_SDK_DISABLED` does not turn the SDK off.
 */
function exportsTraces(): boolean {
  if (getStringFromEnv('OTEL_SDK_DISABLED') === 'true') return false;
  return (
    getStringFromEnv('OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined ||
    getStringFromEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== undefined
  );
}

/**
 * Sets up this process's async context, always (it carries the correlation id of the logs too), and, when
 * an OTLP endpoint is configured, traces exported to it as OTLP/HTTP JSON, with W3C Trace Context
 * propagated across the bus. The spans are made by our own adapters (HTTP hook, bus client and handlers,
 * outbox relay, consumers, projections): no instrumentation that patches modules, which ESM would need
 * loader hooks for.
 */
export function startTracing(service: string): Tracing {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  if (!exportsTraces()) return { shutdown: async () => undefined };
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    // `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES` (a pod's name, say) win over the app's own name.
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }).merge(
      detectResources({ detectors: [envDetector] }),
    ),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter(),
        // The standard variable; the SDK no longer reads it itself since its version 3.
        scheduledDelayMillis: getNumberFromEnv('OTEL_BSP_SCHEDULE_DELAY'),
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return { shutdown: () => provider.shutdown() };
}
