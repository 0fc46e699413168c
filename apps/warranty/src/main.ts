import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { exitOnSignals, loadConfig } from '@aftersales/shared-config';
import { EventBusModule, NatsServer } from '@aftersales/shared-messaging';
import { PersistenceModule, openPostgres } from '@aftersales/shared-persistence';
import { WarrantyModule } from '@aftersales/warranty-feature-registry';

const config = loadConfig();

@Module({
  imports: [
    PersistenceModule.forRoot(() => openPostgres(config.DATABASE_URL)),
    EventBusModule.jetStream({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    WarrantyModule.register({ seedDemoData: config.SEED_DEMO_DATA ?? false }),
  ],
})
class WarrantyAppModule {}

const app = await NestFactory.createMicroservice(WarrantyAppModule, {
  strategy: new NatsServer({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }, 'warranty'),
});
await app.listen();
const logger = new Logger('warranty');
exitOnSignals(app, (message) => logger.log(message));
logger.log(`Ready: answering on ${config.NATS_URL}`);
