import { logisticsMigrations } from '@aftersales/logistics-data-access';
import { runMigration } from '@aftersales/shared-service';

await runMigration('logistics', logisticsMigrations);
