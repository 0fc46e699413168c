import 'reflect-metadata';
import { ConsultationModule } from '@aftersales/consultation-feature-support';
import { loadConfig } from '@aftersales/shared-config';
import { runService } from '@aftersales/shared-service';

const config = loadConfig();
await runService(
  'consultation',
  ConsultationModule.register({ seedDemoData: config.SEED_DEMO_DATA ?? false }),
  config,
);
