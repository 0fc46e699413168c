import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ConsultationModule } from '@aftersales/consultation-feature-support';
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
    ConsultationModule,
  ],
})
class ConsultationAppModule {}

// An HTTP application only for health: the service's work arrives over the bus.
const app = await NestFactory.create(ConsultationAppModule, new FastifyAdapter());
app.connectMicroservice({
  strategy: new NatsServer({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }, 'consultation'),
});
await app.startAllMicroservices();
const healthUrl = await serveHealth(app, config.HEALTH_PORT);
const logger = new Logger('consultation');
exitOnSignals(app, (message) => logger.log(message));
logger.log(`Health: ${healthUrl}`);
logger.log(`Ready: answering on ${config.NATS_URL}`);
