// The migration Job's entry point: migrates the service's schema, then exits. The service also migrates at
// start (under an advisory lock), so a release whose Job ran first starts its pods on a ready schema.
import { Logger } from '@nestjs/common';
import { repairOrdersMigrations } from '@aftersales/repair-orders-data-access';
import { loadConfig } from '@aftersales/shared-config';
import { openPostgres } from '@aftersales/shared-persistence';

const connection = await openPostgres(loadConfig().DATABASE_URL);
try {
  await connection.migrate(repairOrdersMigrations);
} finally {
  await connection.close();
}
new Logger('repair-orders').log('Migrated the repair-orders schema');
