import 'reflect-metadata';
import { loadConfig } from '@aftersales/shared-config';
import { LogisticsModule } from '@aftersales/logistics-feature-shipments';
import { runService } from '@aftersales/shared-service';

const config = loadConfig();
await runService(
  'logistics',
  LogisticsModule.register({ aftershipWebhookSecret: config.AFTERSHIP_WEBHOOK_SECRET }),
  config,
);
