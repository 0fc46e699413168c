import type { ImportResult } from './import.js';
import type { LoadPlan, LoadResult } from './load.js';

export interface Results {
  gateway: LoadResult;
  bare: LoadResult;
  import: ImportResult;
}

const TARGETS = { minRatio: 0.5, maxP99Ms: 20 };

/** Above this much of one core taken by processes that are not part of the measurement, the report warns. */
const OTHER_WORK_WARNING_PERCENT = 20;

const COLUMNS = [
  'target',
  'connections',
  'duration',
  'requests/s',
  'p50 ms',
  'p99 ms',
  'non-2xx',
  'ratio vs bare',
];

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ratio = (result: LoadResult, bare: LoadResult) =>
  `${(result.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}×`;

function row(target: string, result: LoadResult, plan: LoadPlan, bare: LoadResult): string[] {
  const errors = result.errors > 0 ? ` (+${result.errors} errors)` : '';
  return [
    target,
    String(plan.connections),
    `${result.duration.toFixed(1)} s`,
    number.format(result.requestsPerSecond),
    String(result.p50),
    String(result.p99),
    `${result.non2xx}${errors}`,
    ratio(result, bare),
  ];
}

/** A markdown table, its columns padded to line up in a terminal too. */
function table(rows: string[][]): string[] {
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** Where the CPU went during one measurement: the processes that served it, the servers, the load. */
function cpuLine(label: string, result: LoadResult): string {
  if (!result.cpu) return `CPU during ${label}: not measured (no /proc)`;
  // CPU time per answered request shows what each part costs, whatever the throughput it reached.
  const microsPerRequest = (percent: number) =>
    result.requestsPerSecond > 0 ? ((percent / 100) * 1e6) / result.requestsPerSecond : NaN;
  const shares = result.cpu.byProcess.map(
    ({ label, percent }) =>
      `${label} ${percent.toFixed(0)}% (${microsPerRequest(percent).toFixed(0)} µs/request)`,
  );
  return (
    `CPU during ${label} (% of one core): ${shares.join(', ')}, ` +
    `other processes ${result.cpu.otherPercent.toFixed(0)}%; machine ${result.cpu.machineBusyPercent.toFixed(0)}% busy`
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

function targets({ gateway, bare }: Results): string {
  if (gateway.non2xx + gateway.errors + bare.non2xx + bare.errors > 0) {
    return 'Targets: not checked: some requests failed, so the numbers measure something else than lookups.';
  }
  const ratioMet = gateway.requestsPerSecond >= TARGETS.minRatio * bare.requestsPerSecond;
  const p99Met = gateway.p99 < TARGETS.maxP99Ms;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  return (
    `Targets: ≥ ${TARGETS.minRatio}× bare throughput: ${verdict(ratioMet)} (${ratio(gateway, bare)}); ` +
    `gateway p99 < ${TARGETS.maxP99Ms} ms: ${verdict(p99Met)} (${gateway.p99} ms).`
  );
}

/** Another test run or build on the machine lowers the numbers of both rows, and not in the same proportion. */
function otherWorkWarning({ gateway, bare }: Results): string[] {
  const other = Math.max(gateway.cpu?.otherPercent ?? 0, bare.cpu?.otherPercent ?? 0);
  if (other <= OTHER_WORK_WARNING_PERCENT) return [];
  return [
    `Warning: other processes took up to ${other.toFixed(0)}% of a core during the measurements: ` +
      'rerun on an idle machine for numbers to compare.',
  ];
}

export function report(machine: string[], results: Results, plan: LoadPlan): string[] {
  const { gateway, bare } = results;
  const rows = [
    row('GET /api/warranty/:sn via gateway (distributed)', gateway, plan, bare),
    row('bare Fastify + pg, same SQL', bare, plan, bare),
  ];
  return [
    ...machine,
    '',
    ...table(rows),
    '',
    cpuLine('the gateway run', gateway),
    cpuLine('the bare run', bare),
    importLine(results.import),
    '',
    targets(results),
    ...otherWorkWarning(results),
  ];
}
