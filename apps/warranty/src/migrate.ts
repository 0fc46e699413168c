import { warrantyMigrations } from '@aftersales/warranty-data-access';
import { runMigration } from '@aftersales/shared-service';

await runMigration('warranty', warrantyMigrations);
