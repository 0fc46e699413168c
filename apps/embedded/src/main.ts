import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import { GatewayModule, bootstrapGateway } from '@aftersales/gateway-feature-api';
import { IdentityModule } from '@aftersales/identity-feature-accounts';
import { loadConfig } from '@aftersales/shared-config';
import {
  EventBusModule,
  InProcessBroker,
  InProcessServer,
  MessagingModule,
} from '@aftersales/shared-messaging';
import { PersistenceModule, openPglite } from '@aftersales/shared-persistence';
import { WarrantyModule } from '@aftersales/warranty-feature-registry';

const config = loadConfig();
const broker = new InProcessBroker();
/** `npm start` is for trying the product on one machine: demo data, and a secret nobody needs to set. */
const seedDemoData = config.SEED_DEMO_DATA ?? true;
const authSecret = config.AUTH_SECRET ?? 'embedded-mode-development-secret-not-for-production';

@Module({
  imports: [
    PersistenceModule.forRoot(() => openPglite(config.DATA_DIR)),
    MessagingModule.inProcess(broker),
    EventBusModule.inProcess(),
    WarrantyModule.register({ seedDemoData }),
    IdentityModule.register({ authSecret, seedDemoAccounts: seedDemoData }),
    GatewayModule.register({ secureCookies: config.COOKIE_SECURE }),
  ],
})
class EmbeddedModule {}

await bootstrapGateway(EmbeddedModule, {
  port: config.PORT,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  beforeListen: async (app) => {
    app.connectMicroservice({ strategy: new InProcessServer(broker) });
    await app.startAllMicroservices();
  },
});
