import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IdentityModule } from '@aftersales/identity-feature-accounts';
import { exitOnSignals, loadConfig } from '@aftersales/shared-config';
import { HealthModule, serveHealth } from '@aftersales/shared-health';
import { EventBusModule, MessagingModule, NatsServer } from '@aftersales/shared-messaging';
import { PersistenceModule, openPostgres } from '@aftersales/shared-persistence';

const config = loadConfig();
if (!config.AUTH_SECRET) {
  throw new Error(
    'Set AUTH_SECRET (at least 32 characters): the identity service signs access tokens with it',
  );
}

@Module({
  imports: [
    PersistenceModule.forRoot(() => openPostgres(config.DATABASE_URL)),
    HealthModule.forService({ database: true, natsUrl: config.NATS_URL }),
    MessagingModule.nats({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    EventBusModule.jetStream({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    IdentityModule.register({
      authSecret: config.AUTH_SECRET,
      seedDemoAccounts: config.SEED_DEMO_DATA ?? false,
    }),
  ],
})
class IdentityAppModule {}

// An HTTP application only for health: the service's work arrives over the bus.
const app = await NestFactory.create(IdentityAppModule, new FastifyAdapter());
app.connectMicroservice({
  strategy: new NatsServer({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }, 'identity'),
});
await app.startAllMicroservices();
const healthUrl = await serveHealth(app, config.HEALTH_PORT);
const logger = new Logger('identity');
exitOnSignals(app, (message) => logger.log(message));
logger.log(`Health: ${healthUrl}`);
logger.log(`Ready: answering on ${config.NATS_URL}`);
