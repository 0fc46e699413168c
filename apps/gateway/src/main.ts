import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import { GatewayModule, bootstrapGateway } from '@aftersales/gateway-feature-api';
import { loadConfig } from '@aftersales/shared-config';
import { MessagingModule } from '@aftersales/shared-messaging';

const config = loadConfig();

@Module({
  imports: [
    MessagingModule.nats({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    GatewayModule.register({ secureCookies: config.COOKIE_SECURE }),
  ],
})
class GatewayAppModule {}

await bootstrapGateway(GatewayAppModule, {
  port: config.PORT,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
