import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type DatabaseConnection, openPglite, openPostgres } from '@aftersales/shared-persistence';
import { createTestDatabase } from '@aftersales/shared-testing';
import type { NewEvent } from '../src/envelope.js';

export const TEST_SCHEMA = 'es_test';

export const migrations = {
  folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  schema: TEST_SCHEMA,
};

export const openMigratedPostgres = async () => migrated(await openPostgres(await createTestDatabase('es')));

/** Separate pools on one fresh migrated database: the replicas of a service. */
export async function openMigratedPostgresReplicas(count: number): Promise<DatabaseConnection[]> {
  const url = await createTestDatabase('es');
  const [first, ...others] = await Promise.all(Array.from({ length: count }, () => openPostgres(url)));
  return [await migrated(first!), ...others];
}
export const openMigratedPglite = async () => migrated(await openPglite('memory://'));

/** Both backends the event store runs on, each opened fresh and migrated. */
export const backends: [string, () => Promise<DatabaseConnection>][] = [
  ['PostgreSQL', openMigratedPostgres],
  ['PGlite', openMigratedPglite],
];

async function migrated(connection: DatabaseConnection): Promise<DatabaseConnection> {
  await connection.migrate(migrations);
  return connection;
}

export function event(type: string, data: unknown = {}, eventId: string = randomUUID()): NewEvent {
  return {
    eventId,
    type,
    data,
    metadata: {
      correlationId: 'c-1',
      causationId: 'c-1',
      actor: 'user:test',
      timestamp: '2026-11-25T08:00:00.000Z',
    },
  };
}
