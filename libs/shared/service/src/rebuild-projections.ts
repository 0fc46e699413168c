import { Logger } from '@nestjs/common';
import { loadConfig } from '@aftersales/shared-config';
import { type Projection, ProjectionRunner } from '@aftersales/shared-event-store';
import { openPostgres } from '@aftersales/shared-persistence';

/**
 * Empties each read model of a service and applies its stored events again from the first. Run it with
 * the service stopped: commands update their read models in the transaction that appends, and one
 * arriving during the rebuild would write into a read model being emptied.
 */
export async function rebuildProjections(service: string, projections: readonly Projection[]): Promise<void> {
  const logger = new Logger(service);
  const connection = await openPostgres(loadConfig().DATABASE_URL);
  try {
    const runner = new ProjectionRunner(connection.db, service);
    for (const projection of projections) {
      const started = performance.now();
      const events = await runner.rebuild(projection);
      const seconds = (performance.now() - started) / 1000;
      logger.log(`Rebuilt ${projection.name} from ${events} events in ${seconds.toFixed(1)} s`);
    }
  } finally {
    await connection.close();
  }
}
