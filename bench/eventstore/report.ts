import { type AppendResults, type Shape, SHAPES } from './appends.js';
import type { LagResult } from './projection-lag.js';
import { STREAM_LENGTH } from './read-fold.js';
import { type Plan, WRITERS } from './workload.js';

export interface Results {
  ours: AppendResults;
  plain: AppendResults;
  /** Emmett's numbers, or why there are none. */
  emmett: AppendResults | string;
  readFoldMs: number;
  lag: LagResult;
}

export interface Plans {
  single: Plan;
  batch: Plan;
  /** Each append measurement is repeated this often, taking turns; the table shows the median. */
  rounds: number;
  reads: Plan;
  loadMs: number;
}

const COLUMNS = ['operation', 'writers', 'count', 'result', 'vs plain INSERT', 'vs Emmett'];
const NONE = '—';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ratio = (value: number, base: number | undefined) =>
  base === undefined ? NONE : `${(value / base).toFixed(2)}×`;
const emmettOf = (results: Results, shape: Shape) =>
  typeof results.emmett === 'string' ? undefined : results.emmett[shape];

/** A row that has no baseline to compare with. */
const alone = (operation: string, writers: string, count: string, result: string) => [
  operation,
  writers,
  count,
  result,
  NONE,
  NONE,
];

function appendRows(results: Results, plans: Plans, shape: Shape): string[][] {
  const { label } = SHAPES[shape];
  const plain = results.plain[shape];
  const emmett = emmettOf(results, shape);
  const count = `median of ${plans.rounds} × ${number.format(plans[shape].count)} appends of ${label}`;
  const operation = (who: string) => `append ${label} to a new stream: ${who}`;
  const row = (who: string, value: number) => [
    operation(who),
    String(WRITERS),
    count,
    `${number.format(value)} events/s`,
    ratio(value, plain),
    ratio(value, emmett),
  ];
  return [
    row('EventStore.append', results.ours[shape]),
    row('plain INSERT', plain),
    typeof results.emmett === 'string'
      ? alone(operation('Emmett appendToStream'), NONE, NONE, `not available: ${results.emmett}`)
      : row('Emmett appendToStream', results.emmett[shape]),
  ];
}

function readAndLagRows({ readFoldMs, lag }: Results, plans: Plans): string[][] {
  const perSecond = number.format((STREAM_LENGTH * 1000) / readFoldMs);
  const underLoad = `${number.format(lag.appended)} events appended in ${plans.loadMs / 1000} s`;
  // The writers, plus the runner's loop and the lag sampler on connections of their own.
  const writers = `${WRITERS} + 2`;
  return [
    alone(
      `readStream + fold of a ${number.format(STREAM_LENGTH)}-event stream (p50)`,
      '1',
      `${plans.reads.count} reads`,
      `${readFoldMs.toFixed(1)} ms (${perSecond} events/s)`,
    ),
    alone('projection lag under load, max', writers, underLoad, `${number.format(lag.maxLag)} events`),
    alone('projection lag under load, p50', writers, underLoad, `${number.format(lag.medianLag)} events`),
    alone('projection drain after writers stop', writers, underLoad, `${number.format(lag.drainMs)} ms`),
  ];
}

/** A markdown table, its columns padded to line up in a terminal too. */
function table(rows: string[][]): string[] {
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

function targets(results: Results): string {
  const shapes = Object.keys(SHAPES) as Shape[];
  const check = (base: (shape: Shape) => number | undefined, minimum: number) => {
    const ratios = shapes.map((shape) => ({ shape, base: base(shape) }));
    if (ratios.some(({ base }) => base === undefined)) return 'not checked (no baseline)';
    const met = ratios.every(({ shape, base }) => results.ours[shape] >= minimum * (base ?? 0));
    const detail = ratios.map(
      ({ shape, base }) => `${SHAPES[shape].label} ${ratio(results.ours[shape], base)}`,
    );
    return `${met ? 'met' : 'NOT met'} (${detail.join(', ')})`;
  };
  return (
    `Targets: ≥ 0.7× plain INSERT: ${check((shape) => results.plain[shape], 0.7)}; ` +
    `≥ 1.0× Emmett: ${check((shape) => emmettOf(results, shape), 1)}.`
  );
}

export function report(machine: string[], results: Results, plans: Plans): string[] {
  const rows = [...appendRows(results, plans, 'single'), ...appendRows(results, plans, 'batch')];
  return [...machine, '', ...table([...rows, ...readAndLagRows(results, plans)]), '', targets(results)];
}
