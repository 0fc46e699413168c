import { EventStore } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { compareAppends, eventStoreTarget, plainInsertTarget } from './appends.js';
import { openEventStoreDatabase, SCHEMA, withBenchDatabase } from './database.js';
import { openEmmett } from './emmett.js';
import { machineHeader } from '../shared/machine.js';
import { projectionLag } from './projection-lag.js';
import { readAndFold } from './read-fold.js';
import { type Plans, report, type Results } from './report.js';

// Sized to finish in about two and a half minutes on a 2-core machine, warm-ups included.
const PLANS: Plans = {
  single: { warmup: 500, count: 8000 },
  batch: { warmup: 100, count: 1500 },
  rounds: 5,
  // With 200 reads each, the p99 is the third slowest: one stray pause does not make it.
  reads: { warmup: 10, count: 200 },
  // 2 rounds × 5 s per follower: 5,000 timed events each, so the p99 is the 50th slowest.
  lag: { rate: 500, warmupSeconds: 1, seconds: 5, rounds: 2 },
};

const progress = (message: string) => process.stderr.write(`${message}\n`);

/** Appends of ours, of plain INSERTs and of Emmett, taking turns; Emmett's row says why when it cannot run. */
async function appends(
  db: Database,
  store: EventStore,
  url: string,
): Promise<Pick<Results, 'ours' | 'plain' | 'emmett'>> {
  const ours = eventStoreTarget(store, db);
  const plain = await plainInsertTarget(db);
  const emmett = await openEmmett(url).catch((error: Error) => error.message);
  if (typeof emmett === 'string') {
    return { ...(await compareAppends({ ours, plain }, PLANS, PLANS.rounds)), emmett };
  }
  try {
    return await compareAppends({ ours, plain, emmett }, PLANS, PLANS.rounds);
  } finally {
    await emmett.close();
  }
}

async function measure(db: Database, url: string): Promise<Results> {
  const store = new EventStore(db, SCHEMA);
  progress('reading and folding: ours and a raw SELECT, taking turns…');
  const readFold = await readAndFold(store, url, PLANS.reads);
  const { rate, rounds } = PLANS.lag;
  progress(
    `projection lag at ${rate} events/s: the runner idle, notified and a plain reader, ${rounds} rounds…`,
  );
  const lag = await projectionLag(db, store, PLANS.lag);
  // Last: Emmett, once open, changes how the `pg` driver parses the rows our reads return.
  progress(`appending: ours, plain INSERTs and Emmett, ${PLANS.rounds} rounds…`);
  return { ...(await appends(db, store, url)), readFold, lag };
}

async function main(): Promise<void> {
  const lines = await withBenchDatabase(async (url) => {
    const connection = await openEventStoreDatabase(url);
    try {
      const machine = await machineHeader();
      return report(machine, await measure(connection.db, url), PLANS);
    } finally {
      await connection.close();
    }
  });
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
