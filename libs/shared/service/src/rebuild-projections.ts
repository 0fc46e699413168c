import { Logger } from '@nestjs/common';
import { loadConfig } from '@aftersales/shared-config';
import { type Projection, ProjectionRunner } from '@aftersales/shared-event-store';
import { openPostgres } from '@aftersales/shared-persistence';
import { startLogs } from '@aftersales/shared-telemetry';

/**
 * Large batches: with the service stopped no reader waits behind a batch's transaction, and each batch
 * costs a few statements whatever its size.
 */
const REBUILD_BATCH_SIZE = 1_000;

export interface Rebuilt {
  projection: string;
  events: number;
  seconds: number;
}

/**
 * Empties each read model of a service and applies its stored events again from the first. Run it with
 * the service stopped: commands update their read models in the transaction that appends, and one
 * arriving during the rebuild would write into a read model being emptied.
 */
export async function rebuildProjections(
  service: string,
  projections: readonly Projection[],
): Promise<Rebuilt[]> {
  const config = loadConfig();
  startLogs(config.LOG_FORMAT, config.LOG_LEVEL);
  const logger = new Logger(service);
  const connection = await openPostgres(config.DATABASE_URL);
  try {
    const runner = new ProjectionRunner(connection.db, service, { batchSize: REBUILD_BATCH_SIZE });
    const rebuilt: Rebuilt[] = [];
    for (const projection of projections) {
      const started = performance.now();
      const events = await runner.rebuild(projection);
      const seconds = (performance.now() - started) / 1000;
      logger.log(`Rebuilt ${projection.name} from ${events} events in ${seconds.toFixed(1)} s`);
      rebuilt.push({ projection: projection.name, events, seconds });
    }
    return rebuilt;
  } finally {
    await connection.close();
  }
}
