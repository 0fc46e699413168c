import type { ImportResult } from '../shared/device-import.js';
import { cpuLine, otherWorkWarning, table } from '../shared/report.js';
import type { RateResult, RatePlan } from './fixed-rate.js';
import type { LoadPlan, LoadResult } from './load.js';

/** The three ways to serve the lookup, in the order they are measured and shown. */
export const SYSTEMS = ['ours', 'stock', 'bare'] as const;
export type System = (typeof SYSTEMS)[number];

export interface Results {
  closedLoop: Record<System, LoadResult>;
  fixedRate: Record<System, RateResult>;
  import: ImportResult;
}

export interface Plans {
  closedLoop: LoadPlan;
  fixedRate: RatePlan;
}

/** Each row's name, and which processes serve it: the labels its CPU line uses. */
const NAMES: Record<System, string> = {
  ours: 'ours: gateway → warranty',
  stock: 'stock Nest: stock-gateway → stock-service',
  bare: 'bare: Fastify + pg',
};

const LEGEND = [
  'Each name below is a Node.js process of its own; PostgreSQL and nats-server are shared by all three:',
  '- ours: gateway (apps/gateway: Nest on Fastify, checks the bearer token) asks warranty (apps/warranty) over',
  '  NATS through our messaging kit; warranty runs FIND_BY_SN_SQL. identity (apps/identity) runs, idle: the',
  '  gateway remembers the signed-in caller.',
  '- stock Nest: stock-gateway (bench/warranty/stock-gateway.ts: Nest on Fastify, stock ClientProxy.send) asks',
  '  stock-service (stock-service.ts: Nest microservice, @MessagePattern) over the stock Transport.NATS;',
  '  it runs FIND_BY_SN_SQL through pg. No authentication.',
  '- bare: bare (bench/warranty/bare-server.ts: one Fastify route) runs FIND_BY_SN_SQL through pg. No bus.',
];

const TARGETS = { minRatioToStock: 1.5, minRatioToBare: 0.35, maxP99Ms: 25 };
/** Below this share of the offered rate, the rate was not reached and the latency describes something else. */
const MIN_ACHIEVED_SHARE = 0.99;

const COLUMNS = [
  'target',
  'load',
  'duration',
  'requests/s',
  'p50 ms',
  'p99 ms',
  'non-2xx',
  'vs stock',
  'vs bare',
];
const NONE = '—';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const throughputRatio = (result: LoadResult, base: LoadResult) =>
  `${(result.requestsPerSecond / base.requestsPerSecond).toFixed(2)}×`;
// autocannon reports whole milliseconds; the fixed-rate sender measures finer.
const milliseconds = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const failed = (result: LoadResult) => result.non2xx + result.errors > 0;

function row(target: string, load: string, result: LoadResult, ratios: [string, string]): string[] {
  const errors = result.errors > 0 ? ` (+${result.errors} errors)` : '';
  return [
    // Its numbers describe something else than lookups, whichever way they lean.
    failed(result) ? `FAILED: ${target}` : target,
    load,
    `${result.duration.toFixed(1)} s`,
    number.format(result.requestsPerSecond),
    milliseconds(result.p50),
    milliseconds(result.p99),
    `${result.non2xx}${errors}`,
    ...ratios,
  ];
}

function rows({ closedLoop, fixedRate }: Results, plans: Plans): string[][] {
  const closed = `${plans.closedLoop.connections} connections, closed loop`;
  const fixed = `${number.format(plans.fixedRate.rate)}/s offered, ≤ ${plans.fixedRate.connections} connections`;
  return [
    ...SYSTEMS.map((system) =>
      row(NAMES[system], closed, closedLoop[system], [
        throughputRatio(closedLoop[system], closedLoop.stock),
        throughputRatio(closedLoop[system], closedLoop.bare),
      ]),
    ),
    // At a fixed rate every target serves the same requests/s: throughput ratios would say nothing.
    ...SYSTEMS.map((system) => row(NAMES[system], fixed, fixedRate[system], [NONE, NONE])),
  ];
}

/** Where the CPU went during one measurement: the processes that served it, the servers, the load. */
const requestCpu = (label: string, result: LoadResult) =>
  cpuLine(label, result.cpu, result.requestsPerSecond, 'request');

function cpuLines({ closedLoop, fixedRate }: Results, plans: Plans): string[] {
  return [
    ...SYSTEMS.map((s) => requestCpu(`${s}, ${plans.closedLoop.connections} connections`, closedLoop[s])),
    ...SYSTEMS.map((s) => requestCpu(`${s}, ${number.format(plans.fixedRate.rate)}/s`, fixedRate[s])),
  ];
}

function fixedRateNote({ fixedRate }: Results): string {
  const lag = Math.max(...SYSTEMS.map((system) => fixedRate[system].sendLagP99));
  return (
    "At the fixed rate, latency counts from each request's due time, so a backlog shows in it; the load " +
    `generator itself sent up to ${lag.toFixed(1)} ms late (p99, worst of the three runs).`
  );
}

function importLine({ rows, milliseconds, status, counts }: ImportResult): string {
  const perSecond = number.format((rows * 1000) / milliseconds);
  const answer = Object.entries(counts)
    .filter(([key]) => ['processedRows', 'inserted', 'updated', 'unchanged', 'rejected'].includes(key))
    .map(([key, value]) => `${key} ${number.format(Number(value))}`);
  return (
    `Import of ${number.format(rows)} CSV rows through the gateway: ${(milliseconds / 1000).toFixed(1)} s ` +
    `(${perSecond} rows/s), HTTP ${status}: ${answer.join(', ')}`
  );
}

const verdict = (met: boolean, detail: string) => `${met ? 'met' : 'NOT met'} (${detail})`;
const NOT_CHECKED = 'not checked: some requests failed, so the numbers measure something else than lookups';

function targets({ closedLoop, fixedRate }: Results, plans: Plans): string[] {
  const { ours, stock, bare } = closedLoop;
  const throughput = (base: LoadResult, minimum: number) =>
    failed(ours) || failed(base)
      ? NOT_CHECKED
      : verdict(ours.requestsPerSecond >= minimum * base.requestsPerSecond, throughputRatio(ours, base));
  const atRate = fixedRate.ours;
  const rate = plans.fixedRate.rate;
  const latency = failed(atRate)
    ? NOT_CHECKED
    : atRate.requestsPerSecond < MIN_ACHIEVED_SHARE * rate
      ? verdict(false, `the rate was not reached: ${number.format(atRate.requestsPerSecond)}/s`)
      : verdict(atRate.p99 <= TARGETS.maxP99Ms, `${milliseconds(atRate.p99)} ms`);
  return [
    `Target: ours ≥ ${TARGETS.minRatioToStock}× stock Nest throughput: ${throughput(stock, TARGETS.minRatioToStock)}.`,
    `Target: ours ≥ ${TARGETS.minRatioToBare}× bare throughput: ${throughput(bare, TARGETS.minRatioToBare)}.`,
    `Target: ours p99 ≤ ${TARGETS.maxP99Ms} ms at ${number.format(rate)} requests/s: ${latency}.`,
  ];
}

export function report(machine: string[], results: Results, plans: Plans): string[] {
  return [
    ...machine,
    '',
    ...LEGEND,
    '',
    ...table(COLUMNS, rows(results, plans)),
    '',
    fixedRateNote(results),
    ...cpuLines(results, plans),
    importLine(results.import),
    '',
    ...targets(results, plans),
    ...otherWorkWarning(
      [...Object.values(results.closedLoop), ...Object.values(results.fixedRate)].map((r) => r.cpu),
    ),
  ];
}
