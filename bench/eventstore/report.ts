import { table } from '../shared/report.js';
import { type AppendResults, type Shape, SHAPES } from './appends.js';
import { FOLLOWERS, type FollowerName, type LagPlan, type LagResults } from './projection-lag.js';
import { type Latency, type ReadFoldResult, STREAM_LENGTH } from './read-fold.js';
import { type Plan, WRITERS } from './workload.js';

export interface Results {
  ours: AppendResults;
  plain: AppendResults;
  /** Emmett's numbers, or why there are none. */
  emmett: AppendResults | string;
  readFold: ReadFoldResult;
  lag: LagResults;
}

export interface Plans {
  single: Plan;
  batch: Plan;
  /** Each append measurement is repeated this often, taking turns; the table shows the median. */
  rounds: number;
  reads: Plan;
  lag: LagPlan;
}

const COLUMNS = ['operation', 'writers', 'count', 'result', 'vs plain INSERT', 'vs Emmett'];
const READ_COLUMNS = [
  `read + fold of a ${STREAM_LENGTH.toLocaleString('en-US')}-event stream`,
  'readers',
  'reads',
  'p50',
  'p99',
  'p50 vs raw SELECT',
  'p99 vs raw SELECT',
];
/** Our read + fold may take at most this many times the raw SELECT's, at the median. */
const MAX_READ_RATIO = 1.5;
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

const LAG_FOLLOWERS: Record<FollowerName, string> = {
  idle: 'ProjectionRunner.start, woken by its idle poll only (a runner in another process)',
  notified: 'ProjectionRunner.start + notify() after each append, as EventSourcedServiceModule runs it',
  plain: 'plain reader: position > $last, notified alike, no snapshot horizon (floor)',
};
/** Projection lag p99 at the offered rate, at most. */
const MAX_LAG_P99_MS = 100;

const lagColumns = ({ lag }: Plans) => [
  `projection lag at ${number.format(lag.rate)} events/s offered`,
  'appends timed',
  'achieved',
  'append p99',
  'lag p50',
  'lag p99',
  'lag max',
  'missed',
  'p99 vs plain reader',
];

function lagRows({ lag }: Results, plans: Plans): string[][] {
  const milliseconds = (value: number) => `${value.toFixed(1)} ms`;
  return FOLLOWERS.map((name) => {
    const result = lag[name];
    return [
      LAG_FOLLOWERS[name],
      `${plans.lag.rounds} × ${number.format(plans.lag.rate * plans.lag.seconds)}, taking turns`,
      `${number.format(result.achievedRate)}/s`,
      milliseconds(result.appendP99),
      milliseconds(result.p50),
      milliseconds(result.p99),
      milliseconds(result.max),
      number.format(result.missed),
      ratio(result.p99, lag.plain.p99),
    ];
  });
}

function readRows({ readFold }: Results, plans: Plans): string[][] {
  const milliseconds = (value: number) => `${value.toFixed(2)} ms`;
  const row = (who: string, { p50, p99 }: Latency) => [
    who,
    '1',
    `${plans.reads.count}, taking turns`,
    milliseconds(p50),
    milliseconds(p99),
    ratio(p50, readFold.raw.p50),
    ratio(p99, readFold.raw.p99),
  ];
  return [
    row('EventStore.readStream + fold', readFold.ours),
    row('raw SELECT (pg client, same columns and order) + fold', readFold.raw),
  ];
}

function appendTargets(results: Results): string {
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

function lagTarget({ lag }: Results, plans: Plans): string {
  const check = (name: FollowerName) =>
    `${lag[name].p99 <= MAX_LAG_P99_MS ? 'met' : 'NOT met'} (${lag[name].p99.toFixed(1)} ms)`;
  return (
    `Target: projection lag p99 ≤ ${MAX_LAG_P99_MS} ms at ${number.format(plans.lag.rate)} events/s: ` +
    `as the module runs it (notified) ${check('notified')}; woken by the idle poll only ${check('idle')}.`
  );
}

function readTarget({ readFold: { ours, raw } }: Results): string {
  const met = ours.p50 <= MAX_READ_RATIO * raw.p50;
  return `Target: read + fold p50 ≤ ${MAX_READ_RATIO}× the raw SELECT's: ${met ? 'met' : 'NOT met'} (${ratio(ours.p50, raw.p50)}).`;
}

export function report(machine: string[], results: Results, plans: Plans): string[] {
  const rows = [...appendRows(results, plans, 'single'), ...appendRows(results, plans, 'batch')];
  return [
    ...machine,
    '',
    ...table(COLUMNS, rows),
    '',
    ...table(READ_COLUMNS, readRows(results, plans)),
    '',
    ...table(lagColumns(plans), lagRows(results, plans)),
    '',
    appendTargets(results),
    readTarget(results),
    lagTarget(results, plans),
  ];
}
