import 'reflect-metadata';
import { loadConfig } from '@aftersales/shared-config';
import { WarrantyModule } from '@aftersales/warranty-feature-registry';
import { runService } from '@aftersales/shared-service';

const config = loadConfig();
await runService(
  'warranty',
  WarrantyModule.register({ seedDemoData: config.SEED_DEMO_DATA ?? false }),
  config,
);
