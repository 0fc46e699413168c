import 'reflect-metadata';
import { type DynamicModule, Logger, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { type Config, exitOnSignals, loadConfig } from '@aftersales/shared-config';
import { HealthModule, serveHealth } from '@aftersales/shared-health';
import { EventBusModule, MessagingModule, NatsServer } from '@aftersales/shared-messaging';
import { serveMetrics } from '@aftersales/shared-metrics';
import { type Migrations, openPostgres, PersistenceModule } from '@aftersales/shared-persistence';
import { startTelemetry } from '@aftersales/shared-telemetry';

/**
 * Runs one service of the distributed mode: its feature module over PostgreSQL, NATS request/reply (it
 * answers on its subjects, and may ask other services) and JetStream, with health on `HEALTH_PORT`,
 * metrics on `METRICS_PORT`, its logs as `LOG_FORMAT` says and its traces to the OTLP endpoint, if any.
 * The HTTP application serves health alone: the service's work arrives over the bus.
 */
export async function runService(
  name: string,
  feature: Type | DynamicModule,
  config: Config = loadConfig(),
): Promise<void> {
  const tracing = startTelemetry({ service: name, logFormat: config.LOG_FORMAT, logLevel: config.LOG_LEVEL });
  const bus = { url: config.NATS_URL, namespace: config.BUS_NAMESPACE };

  @Module({
    imports: [
      PersistenceModule.forRoot(() => openPostgres(config.DATABASE_URL)),
      HealthModule.forService({ database: true, natsUrl: config.NATS_URL }),
      MessagingModule.nats(bus),
      EventBusModule.jetStream({ ...bus, replicas: config.JETSTREAM_REPLICAS }),
      feature,
    ],
  })
  class ServiceAppModule {}

  const app = await NestFactory.create(ServiceAppModule, new FastifyAdapter());
  app.connectMicroservice({ strategy: new NatsServer(bus, name) });
  await app.startAllMicroservices();
  const exposition = await serveMetrics(config.METRICS_PORT);
  app.getHttpAdapter().getInstance().addHook('onClose', exposition.close);
  // After the drain: the spans of the work that finished on the way out are exported too.
  app.getHttpAdapter().getInstance().addHook('onClose', tracing.shutdown);
  const healthUrl = await serveHealth(app, config.HEALTH_PORT);
  const logger = new Logger(name);
  exitOnSignals(app, (message) => logger.log(message));
  logger.log(`Health: ${healthUrl}`);
  logger.log(`Metrics: ${exposition.url}`);
  logger.log(`Ready: answering on ${config.NATS_URL}`);
}

/**
 * The migration Job's entry point: migrates the service's schema, then exits. The service also migrates at
 * start (under an advisory lock), so a release whose Job ran first starts its pods on a ready schema.
 */
export async function runMigration(name: string, migrations: Migrations): Promise<void> {
  const config = loadConfig();
  startTelemetry({ service: name, logFormat: config.LOG_FORMAT, logLevel: config.LOG_LEVEL });
  const connection = await openPostgres(config.DATABASE_URL);
  try {
    await connection.migrate(migrations);
  } finally {
    await connection.close();
  }
  new Logger(name).log(`Migrated the ${name} schema`);
}
