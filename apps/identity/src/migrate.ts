import { identityMigrations } from '@aftersales/identity-data-access';
import { runMigration } from '@aftersales/shared-service';

await runMigration('identity', identityMigrations);
