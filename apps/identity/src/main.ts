import 'reflect-metadata';
import { IdentityModule } from '@aftersales/identity-feature-accounts';
import { loadConfig } from '@aftersales/shared-config';
import { runService } from '@aftersales/shared-service';

const config = loadConfig();
if (!config.AUTH_SECRET) {
  throw new Error(
    'Set AUTH_SECRET (at least 32 characters): the identity service signs access tokens with it',
  );
}

await runService(
  'identity',
  IdentityModule.register({
    authSecret: config.AUTH_SECRET,
    seedDemoAccounts: config.SEED_DEMO_DATA ?? false,
  }),
  config,
);
