import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The process's registry: the embedded mode's services share it, told apart by their `service` label. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

/** Latency buckets from 1 ms to 10 s: a lookup takes milliseconds, an import chunk may take seconds. */
const buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const probes = new Set<() => Promise<void>>();

/**
 * Runs `probe` before every scrape, to set gauges that cost a query (the outbox backlog, projection lag);
 * the returned function stops it.
 */
export function onScrape(probe: () => Promise<void>): () => void {
  probes.add(probe);
  return () => probes.delete(probe);
}

/** The exposition text, after every probe had its turn; a failing probe leaves its gauges as they were. */
export async function scrape(): Promise<string> {
  await Promise.allSettled([...probes].map((probe) => probe()));
  return registry.metrics();
}

export const metrics = {
  httpRequests: new Histogram({
    name: 'aftersales_http_request_duration_seconds',
    help: 'HTTP requests the gateway answered, by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets,
    registers: [registry],
  }),
  busHandlers: new Histogram({
    name: 'aftersales_bus_handler_duration_seconds',
    help: 'Requests a service answered over the bus, by subject and outcome',
    labelNames: ['subject', 'outcome'],
    buckets,
    registers: [registry],
  }),
  appends: new Histogram({
    name: 'aftersales_event_store_append_duration_seconds',
    help: 'Appends to the event store, by service',
    labelNames: ['service'],
    buckets,
    registers: [registry],
  }),
  outboxBacklog: new Gauge({
    name: 'aftersales_outbox_backlog_events',
    help: 'Appended events the outbox relay has not yet published, as of its last pass',
    labelNames: ['service'],
    registers: [registry],
  }),
  projectionLag: new Gauge({
    name: 'aftersales_projection_lag_events',
    help: 'Events a projection has still to apply, as of its last batch',
    labelNames: ['service', 'projection'],
    registers: [registry],
  }),
  redeliveries: new Counter({
    name: 'aftersales_consumer_redeliveries_total',
    help: 'Events delivered to a consumer again after a failed or unacknowledged delivery',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  deadLetters: new Counter({
    name: 'aftersales_consumer_dead_letters_total',
    help: 'Events a consumer gave up on and moved to the dead letters',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  openSockets: new Gauge({
    name: 'aftersales_open_sockets',
    help: 'Live-chat sockets connected to this gateway',
    registers: [registry],
  }),
};
