import { createBenchDatabase, DROP_GRACE_MS } from '../shared/postgres.js';
import { importDevices, registryCsv } from './import.js';
import { load, type LoadPlan } from './load.js';
import { describeMachine } from './machine.js';
import { startProcess } from './processes.js';
import { signInAsAdmin, startDistributed } from './product.js';
import { report, type Results } from './report.js';
import { type Teardown, withTeardown } from './teardown.js';

/** A seeded demo device, in warranty: the lookup answers 200 with its warranty. */
const SN = 'ZH10014510045';
const LOOKUP = `/api/warranty/${SN}`;

// 2 × (3 s + 10 s) of load, the starts and the import: well under two minutes on a 2-core machine.
const PLAN: LoadPlan = { connections: 200, warmupSeconds: 3, seconds: 10 };

const progress = (message: string) => process.stderr.write(`${message}\n`);

/** One lookup before the load, so that a wrong URL or token fails the run instead of measuring 4xx. */
async function checkLookup(url: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, { headers });
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
}

async function measure(teardown: Teardown): Promise<Results> {
  const database = await createBenchDatabase();
  teardown.add('drop the bench database', () => database.drop(DROP_GRACE_MS));
  const databaseUrl = database.url;
  progress('starting identity, warranty and gateway…');
  const product = await startDistributed(teardown, databaseUrl);
  // After the warranty service: its migration creates the tables the baseline reads.
  const bare = await startProcess(teardown, 'bare', 'bench/dist/warranty/bare-server.js', {
    DATABASE_URL: databaseUrl,
  });
  const token = await signInAsAdmin(product.gatewayUrl);
  const auth = { authorization: `Bearer ${token}` };
  await checkLookup(`${product.gatewayUrl}${LOOKUP}`, auth);
  await checkLookup(`${bare.url}${LOOKUP}`, {});

  const seconds = `${PLAN.warmupSeconds} s warm-up + ${PLAN.seconds} s`;
  progress(`bare Fastify + pg: ${PLAN.connections} connections, ${seconds}…`);
  const bareResult = await load(`${bare.url}${LOOKUP}`, {}, PLAN, [bare]);
  progress(`gateway: ${PLAN.connections} connections, ${seconds}…`);
  const gateway = await load(`${product.gatewayUrl}${LOOKUP}`, auth, PLAN, product.processes);
  progress('importing 100,000 rows…');
  const imported = await importDevices(product.gatewayUrl, token, registryCsv());
  return { gateway, bare: bareResult, import: imported };
}

async function main(): Promise<void> {
  const machine = await describeMachine();
  const results = await withTeardown(measure);
  console.log(report(machine, results, PLAN).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
