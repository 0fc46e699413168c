import { Logger, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { exitOnSignals } from '@aftersales/shared-config';
import { serveMetrics } from '@aftersales/shared-metrics';
import type { Tracing } from '@aftersales/shared-telemetry';
import { configureGateway, JSON_BODY_LIMIT_BYTES } from './configure-gateway.js';
import type { RateLimitStoreClass } from './rate-limits/nats-kv-rate-limit-store.js';
import type { RateLimits } from './rate-limits/rate-limits.js';
import { correlationIdOf } from './request-telemetry.js';

export interface GatewayOptions {
  port: number;
  /** Where `GET /metrics` answers, apart from the API and the web app (0: a free port). */
  metricsPort: number;
  /** The address to listen on, and why that one: the start log says both. */
  host: { address: string; reason: string };
  webRoot: string;
  /** The proxies whose `X-Forwarded-For` names the client; without them the header is ignored. */
  trustProxy?: string[];
  /** The gateway is reached over HTTPS (its cookies are Secure), so browsers may be told to keep to it. */
  https: boolean;
  rateLimits: RateLimits;
  /** Shares the rate-limit counts between replicas, closed with the app; without it they stay in this process. */
  rateLimitStore?: { store: RateLimitStoreClass; close: () => Promise<void> };
  /** The process's traces (`startTelemetry`), exported to the end as the app closes. */
  tracing: Tracing;
  /** Wiring that differs between the modes, run once the modules are initialized and before the port opens. */
  beforeListen?: (app: NestFastifyApplication) => Promise<void>;
}

/** The address to print for a browser: a wildcard address is reached as localhost. */
const reachableAt = (address: string) =>
  address === '0.0.0.0' || address === '::' ? 'localhost' : address.includes(':') ? `[${address}]` : address;

/** Starts a process that serves the HTTP API and the web app, and prints the URL to open. */
export async function bootstrapGateway(rootModule: Type, options: GatewayOptions) {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
    genReqId: correlationIdOf,
  });
  // The raw body stays beside the parsed one: a webhook's signature is over its exact bytes.
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    rawBody: true,
  });
  await configureGateway(app, { ...options, rateLimitStore: options.rateLimitStore?.store });
  const closeStore = options.rateLimitStore?.close;
  if (closeStore) app.getHttpAdapter().getInstance().addHook('onClose', closeStore);
  const exposition = await serveMetrics(options.metricsPort);
  app.getHttpAdapter().getInstance().addHook('onClose', exposition.close);
  app.getHttpAdapter().getInstance().addHook('onClose', options.tracing.shutdown);
  await app.init();
  await options.beforeListen?.(app);
  await app.listen(options.port, options.host.address);
  const { port } = app.getHttpServer().address() as { port: number };
  const logger = new Logger('aftersales');
  exitOnSignals(app, (message) => logger.log(message));
  logger.log(`Listening on ${options.host.address}:${port}: ${options.host.reason}`);
  logger.log(`Metrics: ${exposition.url}`);
  logger.log(`Ready: open http://${reachableAt(options.host.address)}:${port}`);
  return app;
}
