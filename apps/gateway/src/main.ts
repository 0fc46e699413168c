import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  GatewayModule,
  bootstrapGateway,
  gatewayModuleOptions,
  httpOptions,
  natsKvRateLimitStore,
  rateLimitsOf,
} from '@aftersales/gateway-feature-api';
import { NatsAttachmentStore } from '@aftersales/shared-attachments';
import { loadConfig } from '@aftersales/shared-config';
import { HealthModule } from '@aftersales/shared-health';
import { MessagingModule } from '@aftersales/shared-messaging';
import { startTelemetry } from '@aftersales/shared-telemetry';

const config = loadConfig();
const tracing = startTelemetry({
  service: 'gateway',
  logFormat: config.LOG_FORMAT,
  logLevel: config.LOG_LEVEL,
});
// Every replica reads and writes the same files: chat attachments live in a JetStream object store.
const attachmentStore = await NatsAttachmentStore.open({
  url: config.NATS_URL,
  bucket: [config.BUS_NAMESPACE, 'attachments'].filter(Boolean).join('_'),
});

@Module({
  imports: [
    MessagingModule.nats({ url: config.NATS_URL, namespace: config.BUS_NAMESPACE }),
    HealthModule.forGateway({ natsUrl: config.NATS_URL }),
    GatewayModule.register(gatewayModuleOptions(config, attachmentStore)),
  ],
})
class GatewayAppModule implements OnApplicationShutdown {
  /** The attachments' connection closes with the app, once the requests in flight are answered. */
  onApplicationShutdown(): Promise<void> {
    return attachmentStore.close();
  }
}

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
  tracing,
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
});
