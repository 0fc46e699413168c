import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import { repairOrdersMigrations, repairOrdersProjection } from '@aftersales/repair-orders-data-access';
import { EventStore } from '@aftersales/shared-event-store';
import { openPostgres } from '@aftersales/shared-persistence';
import { rebuildProjections, type Rebuilt } from '@aftersales/shared-service';
import { startLogs } from '@aftersales/shared-telemetry';
import { describeMachine } from '../shared/machine.js';
import { DEMO_PASSWORD, signIn, startDistributed } from '../shared/distributed.js';
import { createBenchDatabase, DROP_GRACE_MS } from '../shared/postgres.js';
import { quietMachine } from '../shared/cpu.js';
import { cpuLine, otherWorkWarning, table } from '../shared/report.js';
import { withTeardown } from '../shared/teardown.js';
import { measureFold } from './fold.js';
import { offerReceipts } from './receive.js';
import { seedLongOrder, seedOrders } from './seed.js';

const LONG_ORDER_EVENTS = 1_000;
const ORDERS = 100_000;
/**
 * The target's rate, then one this 2-core machine can carry (the CPU line shows what a command costs), so
 * that the latency of an unsaturated system is measured too.
 */
const RECEIVE_RATES = [500, 100];
const RECEIVE = { warmupSeconds: 2, seconds: 10 };
const TARGETS = { foldRatio: 1.5, projectionEventsPerSecond: 20_000, receiveP99: 30 };

// A line per applied event would cost the rebuild more than the rebuild itself.
startLogs('pretty', 'log');

const ms = (value: number) => `${value.toFixed(2)} ms`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

await withTeardown(async (teardown) => {
  const header = await describeMachine();
  const database = await createBenchDatabase();
  teardown.add('drop the bench database', () => database.drop(DROP_GRACE_MS));
  const connection = await openPostgres(database.url);
  teardown.add('close the bench pool', () => connection.close());
  await connection.migrate(repairOrdersMigrations);
  const store = new EventStore(
    connection.db,
    'repair-orders',
    new Map(Object.values(repairOrderEvents).map((e) => [e.type, e.version])),
  );

  process.stderr.write(`Folding an order of ${LONG_ORDER_EVENTS} events…\n`);
  const stream = await seedLongOrder(store, LONG_ORDER_EVENTS);
  const folded = await measureFold(store, database.url, stream);

  process.stderr.write(`Seeding ${ORDERS} orders and rebuilding the read models…\n`);
  await seedOrders(connection, ORDERS);
  // The tool operators run (`npm run rebuild:projections`), on the bench's database.
  process.env.DATABASE_URL = database.url;
  const [{ events: applied, seconds: rebuildSeconds }] = (await rebuildProjections('repair-orders', [
    repairOrdersProjection,
  ])) as [Rebuilt];
  const eventsPerSecond = applied / rebuildSeconds;

  process.stderr.write(
    `Starting the distributed mode and offering ${RECEIVE_RATES.join(' and ')} receipts/s…\n`,
  );
  const product = await startDistributed(teardown, database.url, {
    services: ['identity', 'warranty', 'consultation', 'repair-orders', 'logistics'],
  });
  const token = await signIn(product.gatewayUrl, 'engineer@example.com', DEMO_PASSWORD);
  const receipts = [];
  let firstOrder = 1;
  const settledAt: string[] = [];
  for (const rate of RECEIVE_RATES) {
    const busy = await quietMachine();
    if (busy !== undefined) settledAt.push(`${busy.toFixed(0)}% before ${rate}/s`);
    receipts.push(
      await offerReceipts(product.gatewayUrl, token, { ...RECEIVE, rate, firstOrder }, product.processes),
    );
    // Every command receives an order of its own, never one a command before it received.
    firstOrder += rate * (RECEIVE.warmupSeconds + RECEIVE.seconds);
  }

  const foldRatio = folded.ours.p50 / folded.raw.p50;
  const lines = [
    ...header,
    '',
    ...table(
      ['measurement', 'ours', 'baseline (same run)', 'target', ''],
      [
        [
          `rebuild one order of ${folded.events} events (p50 / p99)`,
          `${ms(folded.ours.p50)} / ${ms(folded.ours.p99)}`,
          `raw read + fold ${ms(folded.raw.p50)} / ${ms(folded.raw.p99)}`,
          `≤ ${TARGETS.foldRatio}× raw (is ${foldRatio.toFixed(2)}×)`,
          met(foldRatio <= TARGETS.foldRatio),
        ],
        [
          `projection rebuild, ${ORDERS.toLocaleString('en')} orders`,
          `${Math.round(eventsPerSecond).toLocaleString('en')} events/s (${applied.toLocaleString('en')} in ${rebuildSeconds.toFixed(1)} s)`,
          '—',
          `≥ ${TARGETS.projectionEventsPerSecond.toLocaleString('en')} events/s`,
          met(eventsPerSecond >= TARGETS.projectionEventsPerSecond),
        ],
        ...receipts.map((r) => [
          `receive through the gateway at ${r.rate}/s (p50 / p99)`,
          `${ms(r.p50)} / ${ms(r.p99)}, ${r.commandsPerSecond.toFixed(0)} ok/s, ${r.failed} failed`,
          '—',
          `p99 ≤ ${TARGETS.receiveP99} ms`,
          r.failed > 0 ? 'FAILED' : met(r.p99 <= TARGETS.receiveP99),
        ]),
      ],
    ),
    '',
    ...(settledAt.length > 0
      ? [`Machine settled before each rate (busy over 1 s): ${settledAt.join(', ')}`]
      : []),
    ...receipts.flatMap((r) => [
      `Load generator lateness at ${r.rate}/s (p99): ${ms(r.sendLagP99)}`,
      cpuLine(`receipts at ${r.rate}/s`, r.cpu, r.commandsPerSecond, 'command'),
    ]),
    ...otherWorkWarning(receipts.map((r) => r.cpu)),
  ];
  process.stdout.write(lines.join('\n') + '\n');
});
