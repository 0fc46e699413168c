import { EventStore } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { compareAppends, eventStoreTarget, plainInsertTarget } from './appends.js';
import { openEventStoreDatabase, SCHEMA, withBenchDatabase } from './database.js';
import { openEmmett } from './emmett.js';
import { machineHeader } from '../shared/machine.js';
import { projectionLag } from './projection-lag.js';
import { readAndFold } from './read-fold.js';
import { type Plans, report, type Results } from './report.js';

// Sized to finish in about a minute on a 2-core machine, warm-ups included.
const PLANS: Plans = {
  single: { warmup: 500, count: 8000 },
  batch: { warmup: 100, count: 1500 },
  rounds: 5,
  reads: { warmup: 5, count: 50 },
  loadMs: 5000,
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
  progress('reading and folding…');
  const readFoldMs = await readAndFold(store, PLANS.reads);
  progress(`following a projection under ${PLANS.loadMs / 1000} s of appends…`);
  const lag = await projectionLag(db, store, PLANS.loadMs);
  // Last: Emmett, once open, changes how the `pg` driver parses the rows our reads return.
  progress(`appending: ours, plain INSERTs and Emmett, ${PLANS.rounds} rounds…`);
  return { ...(await appends(db, store, url)), readFoldMs, lag };
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
