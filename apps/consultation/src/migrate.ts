import { consultationMigrations } from '@aftersales/consultation-data-access';
import { runMigration } from '@aftersales/shared-service';

await runMigration('consultation', consultationMigrations);
