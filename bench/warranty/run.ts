import { importDevices } from '../shared/device-import.js';
import { DEMO_ADMIN, signIn, startDistributed } from '../shared/distributed.js';
import { describeMachine } from '../shared/machine.js';
import { createBenchDatabase, DROP_GRACE_MS } from '../shared/postgres.js';
import type { RunningProcess } from '../shared/processes.js';
import { type Teardown, withTeardown } from '../shared/teardown.js';
import { startBare, startStock } from './baselines.js';
import { offerRate, type RatePlan } from './fixed-rate.js';
import { registryCsv } from './import.js';
import { load, type LoadPlan } from './load.js';
import { type Plans, report, type Results, SYSTEMS, type System } from './report.js';

/** A seeded demo device, in warranty: the lookup answers 200 with its warranty. */
const SN = 'ZH10014510045';
const LOOKUP = `/api/warranty/${SN}`;

// 3 × (3 s + 10 s) closed loop, 3 × (2 s + 10 s) at the fixed rate, the starts and the import: about two
// minutes on a 2-core machine.
const CLOSED_LOOP: LoadPlan = { connections: 200, warmupSeconds: 3, seconds: 10 };
// 100 connections stay enough up to 100 ms of latency at 1,000 requests/s, four times the p99 target.
const FIXED_RATE: RatePlan = { rate: 1000, connections: 100, warmupSeconds: 2, seconds: 10 };
const PLANS: Plans = { closedLoop: CLOSED_LOOP, fixedRate: FIXED_RATE };

const progress = (message: string) => process.stderr.write(`${message}\n`);

interface Target {
  url: string;
  headers: Record<string, string>;
  /** Whose CPU time counts for it. */
  processes: RunningProcess[];
}

/** One lookup before the load, so that a wrong URL or token fails the run instead of measuring 4xx. */
async function checkLookup({ url, headers }: Target): Promise<void> {
  const response = await fetch(url, { headers });
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
}

async function each<T>(
  targets: Record<System, Target>,
  label: string,
  measure: (target: Target) => Promise<T>,
): Promise<Record<System, T>> {
  const results: Partial<Record<System, T>> = {};
  for (const system of SYSTEMS) {
    progress(`${system}: ${label}…`);
    results[system] = await measure(targets[system]);
  }
  return results as Record<System, T>;
}

async function measure(teardown: Teardown): Promise<Results> {
  const database = await createBenchDatabase();
  teardown.add('drop the bench database', () => database.drop(DROP_GRACE_MS));
  progress('starting identity, warranty and gateway…');
  // identity runs but stays idle: the gateway remembers the signed-in caller.
  const product = await startDistributed(teardown, database.url, {
    services: ['identity', 'warranty'],
    env: {
      // The benchmark is one client asking as fast as it can: the per-address lookup limits would measure
      // the limiter, not the lookup.
      RATE_LIMIT_LOOKUP: '100000000/1s',
      RATE_LIMIT_BATCH_LOOKUP: '100000000/1s',
      RATE_LIMIT_SIGN_IN: '1000/1s',
    },
  });
  // After the warranty service: its migration creates the tables the baselines read.
  progress('starting stock-service, stock-gateway and bare…');
  const stock = await startStock(teardown, database.url);
  const bare = await startBare(teardown, database.url);
  const token = await signIn(product.gatewayUrl, DEMO_ADMIN);
  const targets: Record<System, Target> = {
    ours: {
      url: `${product.gatewayUrl}${LOOKUP}`,
      headers: { authorization: `Bearer ${token}` },
      processes: product.processes,
    },
    stock: { url: `${stock.url}${LOOKUP}`, headers: {}, processes: stock.processes },
    bare: { url: `${bare.url}${LOOKUP}`, headers: {}, processes: bare.processes },
  };
  for (const system of SYSTEMS) await checkLookup(targets[system]);

  const closedLoop = await each(
    targets,
    `${CLOSED_LOOP.connections} connections, ${CLOSED_LOOP.warmupSeconds} s warm-up + ${CLOSED_LOOP.seconds} s`,
    ({ url, headers, processes }) => load(url, headers, CLOSED_LOOP, processes),
  );
  const fixedRate = await each(
    targets,
    `${FIXED_RATE.rate} requests/s, ${FIXED_RATE.warmupSeconds} s warm-up + ${FIXED_RATE.seconds} s`,
    ({ url, headers, processes }) => offerRate(url, headers, FIXED_RATE, processes),
  );
  progress('importing 100,000 rows…');
  const imported = await importDevices(product.gatewayUrl, token, registryCsv());
  return { closedLoop, fixedRate, import: imported };
}

async function main(): Promise<void> {
  const machine = await describeMachine();
  const results = await withTeardown(measure);
  console.log(report(machine, results, PLANS).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
