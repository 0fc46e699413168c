import 'reflect-metadata';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import {
  GatewayModule,
  bootstrapGateway,
  gatewayModuleOptions,
  httpOptions,
} from '@aftersales/gateway-feature-api';
import { ConsultationModule } from '@aftersales/consultation-feature-support';
import { IdentityModule } from '@aftersales/identity-feature-accounts';
import { RepairOrdersModule } from '@aftersales/repair-orders-feature-orders';
import { FolderAttachmentStore } from '@aftersales/shared-attachments';
import { loadConfig } from '@aftersales/shared-config';
import { HealthModule } from '@aftersales/shared-health';
import {
  EventBusModule,
  InProcessBroker,
  InProcessServer,
  MessagingModule,
} from '@aftersales/shared-messaging';
import { LogisticsModule } from '@aftersales/logistics-feature-shipments';
import { PersistenceModule, openPglite } from '@aftersales/shared-persistence';
import { startTelemetry } from '@aftersales/shared-telemetry';
import { WarrantyModule } from '@aftersales/warranty-feature-registry';

const config = loadConfig();
// One process holds every service: its spans all carry this one name.
const tracing = startTelemetry({
  service: 'aftersales',
  logFormat: config.LOG_FORMAT,
  logLevel: config.LOG_LEVEL,
});
const broker = new InProcessBroker();
// One process, one machine: chat attachments are files beside the database.
const attachmentStore = await FolderAttachmentStore.open(join(config.DATA_DIR, 'attachments'));
/** `npm start` is for trying the product on one machine: demo data, and a secret nobody needs to set. */
const seedDemoData = config.SEED_DEMO_DATA ?? true;
const authSecret = config.AUTH_SECRET ?? 'embedded-mode-development-secret-not-for-production';

@Module({
  imports: [
    PersistenceModule.forRoot(() => openPglite(config.DATA_DIR)),
    HealthModule.forGateway({ database: true }),
    MessagingModule.inProcess(broker),
    EventBusModule.inProcess(),
    WarrantyModule.register({ seedDemoData }),
    IdentityModule.register({ authSecret, seedDemoAccounts: seedDemoData }),
    ConsultationModule.register({ seedDemoData }),
    RepairOrdersModule,
    LogisticsModule.register({ aftershipWebhookSecret: config.AFTERSHIP_WEBHOOK_SECRET }),
    GatewayModule.register(gatewayModuleOptions(config, attachmentStore)),
  ],
})
class EmbeddedModule {}

await bootstrapGateway(EmbeddedModule, {
  ...httpOptions(config),
  // One process: the rate-limit counts stay in its memory.
  host: config.HOST
    ? { address: config.HOST, reason: 'as HOST says' }
    : {
        address: '127.0.0.1',
        reason:
          'this machine only, as the demo accounts have a published password; set HOST=0.0.0.0 to open it',
      },
  tracing,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  beforeListen: async (app) => {
    app.connectMicroservice({ strategy: new InProcessServer(broker) });
    await app.startAllMicroservices();
  },
});
