import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { exitOnSignals, loadConfig } from '@aftersales/shared-config';
import { HealthModule, serveHealth } from '@aftersales/shared-health';
import { EventBusModule, NatsServer } from '@aftersales/shared-messaging';
import { PersistenceModule, openPostgres } from '@aftersales/shared-persistence';
import { WarrantyModule } from '@aftersales/warranty-feature-registry';

const config = loadConfig();

@Module({
  imports: [
    PersistenceModule.forRoot(() => openPostgres(config.DATABASE_URL)),
    HealthModule.forService({ database: true, natsUrl: config.NATS_URL }),
    EventBusModule.jetStream({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    WarrantyModule.register({ seedDemoData: config.SEED_DEMO_DATA ?? false }),
  ],
})
class WarrantyAppModule {}

// An HTTP application only for health: the service's work arrives over the bus.
const app = await NestFactory.create(WarrantyAppModule, new FastifyAdapter());
app.connectMicroservice({
  strategy: new NatsServer({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }, 'warranty'),
});
await app.startAllMicroservices();
const healthUrl = await serveHealth(app, config.HEALTH_PORT);
const logger = new Logger('warranty');
exitOnSignals(app, (message) => logger.log(message));
logger.log(`Health: ${healthUrl}`);
logger.log(`Ready: answering on ${config.NATS_URL}`);
