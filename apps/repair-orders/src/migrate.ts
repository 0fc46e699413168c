import { repairOrdersMigrations } from '@aftersales/repair-orders-data-access';
import { runMigration } from '@aftersales/shared-service';

await runMigration('repair-orders', repairOrdersMigrations);
