import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { Module } from '@nestjs/common';
import {
  GatewayModule,
  bootstrapGateway,
  gatewayModuleOptions,
  httpOptions,
  natsKvRateLimitStore,
  rateLimitsOf,
} from '@aftersales/gateway-feature-api';
import { loadConfig } from '@aftersales/shared-config';
import { HealthModule } from '@aftersales/shared-health';
import { MessagingModule } from '@aftersales/shared-messaging';

const config = loadConfig();

@Module({
  imports: [
    MessagingModule.nats({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    HealthModule.forGateway({ natsUrl: config.NATS_URL }),
    GatewayModule.register(gatewayModuleOptions(config)),
  ],
})
class GatewayAppModule {}

// Every replica spends the same budgets: the counts live in a JetStream KV bucket, not in this process.
const rateLimitStore = await natsKvRateLimitStore({
  url: config.NATS_URL,
  bucket: [config.BUS_NAMESPACE, 'rate_limits'].filter(Boolean).join('_'),
  longestWindowMs: Math.max(...Object.values(rateLimitsOf(config)).map((limit) => limit.windowMs)),
});

await bootstrapGateway(GatewayAppModule, {
  ...httpOptions(config),
  host: config.HOST
    ? { address: config.HOST, reason: 'as HOST says' }
    : { address: '0.0.0.0', reason: 'every interface: the gateway serves whoever reaches its pod' },
  rateLimitStore,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
