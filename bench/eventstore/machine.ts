import os from 'node:os';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@aftersales/shared-persistence';
import type { Database } from '@aftersales/shared-persistence';

/** The header lines that make numbers from different machines comparable. */
export async function describeMachine(db: Database): Promise<string[]> {
  const cpus = os.cpus();
  const [server] = rowsOf<{ version: string }>(await db.execute(sql`select version()`));
  return [
    `os:         ${os.type()} ${os.release()} ${os.arch()}`,
    `cpus:       ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    `memory:     ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `node:       ${process.version}`,
    `postgresql: ${server?.version ?? 'unknown'}`,
  ];
}
