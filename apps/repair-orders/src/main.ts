import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { RepairOrdersModule } from '@aftersales/repair-orders-feature-orders';
import { exitOnSignals, loadConfig } from '@aftersales/shared-config';
import { HealthModule, serveHealth } from '@aftersales/shared-health';
import { EventBusModule, MessagingModule, NatsServer } from '@aftersales/shared-messaging';
import { PersistenceModule, openPostgres } from '@aftersales/shared-persistence';

const config = loadConfig();

@Module({
  imports: [
    PersistenceModule.forRoot(() => openPostgres(config.DATABASE_URL)),
    HealthModule.forService({ database: true, natsUrl: config.NATS_URL }),
    MessagingModule.nats({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    EventBusModule.jetStream({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    RepairOrdersModule,
  ],
})
class RepairOrdersAppModule {}

// An HTTP application only for health: the service's work arrives over the bus.
const app = await NestFactory.create(RepairOrdersAppModule, new FastifyAdapter());
app.connectMicroservice({
  strategy: new NatsServer({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }, 'repair-orders'),
});
await app.startAllMicroservices();
const healthUrl = await serveHealth(app, config.HEALTH_PORT);
const logger = new Logger('repair-orders');
exitOnSignals(app, (message) => logger.log(message));
logger.log(`Health: ${healthUrl}`);
logger.log(`Ready: answering on ${config.NATS_URL}`);
