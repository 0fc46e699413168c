import { sql } from 'drizzle-orm';
import { type EventStore, type Projection, ProjectionRunner } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { offerAtRate } from '../shared/schedule.js';
import { percentile } from '../shared/stats.js';
import { CommitClock } from './commit-clock.js';
import { emptyEventStore, SCHEMA } from './database.js';
import { PlainReader, resetPlainCheckpoints } from './plain-reader.js';
import { batchOf, newStreamId } from './workload.js';

export interface LagPlan {
  /** Events per second offered, one per append, whatever the appends and the projection do. */
  rate: number;
  /** Appended before the timed ones in each round, at the same rate, so that connections and plans are warm. */
  warmupSeconds: number;
  /** Timed appends per round. */
  seconds: number;
  /** The followers take turns this often, so that a disturbance on the machine does not fall on one alone. */
  rounds: number;
}

/**
 * `idle`: the runner with default options, woken by its idle poll only, as a runner in another process than
 * the writer is. `notified`: the same, with `notify()` after each append, as `EventSourcedServiceModule` wakes
 * it in the writing process. `plain`: the floor, a reader without the snapshot horizon, woken alike.
 */
export const FOLLOWERS = ['idle', 'notified', 'plain'] as const;
export type FollowerName = (typeof FOLLOWERS)[number];

export interface LagResult {
  /** Appends timed, over all rounds. */
  appended: number;
  /** Timed appends per second of the rounds' timed windows (first due to last commit). */
  achievedRate: number;
  /** Milliseconds from an append's due time to its commit: whether the rate was really offered. */
  appendP99: number;
  /** Milliseconds from an append's commit to the commit of the follower's transaction that applied it. */
  p50: number;
  p99: number;
  max: number;
  /** Timed events the follower never applied. */
  missed: number;
}

export type LagResults = Record<FollowerName, LagResult>;

/** A follower that has not caught up this long after the last append is broken, not slow. */
const DRAIN_LIMIT_MS = 30_000;

const readModel = sql`${sql.identifier(SCHEMA)}.bench_stream_counts`;

/** A small read model: how many events each stream has, one upsert per event. */
function streamCounts(clock: CommitClock): Projection {
  return {
    name: 'bench_stream_counts',
    canHandle: ['BenchRepairNoted'],
    async evolve(event, tx) {
      await tx.execute(sql`
        insert into ${readModel} (stream_id, events) values (${event.streamId}, 1)
        on conflict (stream_id) do update set events = ${readModel}.events + 1`);
      clock.applied(event.eventId, tx);
    },
    async reset(tx) {
      await tx.execute(sql`delete from ${readModel}`);
    },
  };
}

interface Appended {
  eventId: string;
  due: number;
  committed: number;
}

interface Follower {
  /** Called once each append has committed. */
  appended(): void;
  /** Resolves once the follower has applied, or skipped for good, every one of `events`. */
  caughtUp(events: readonly Appended[]): Promise<void>;
  stop(): Promise<void>;
}

function startFollower(name: FollowerName, db: Database, clock: CommitClock): Follower {
  const projection = streamCounts(clock);
  if (name === 'plain') {
    const reader = new PlainReader(clock.wrap(db), projection);
    reader.start();
    return {
      appended: () => reader.notify(),
      caughtUp: (events) => reader.caughtUp(Math.max(...events.map((e) => e.committed))),
      stop: () => reader.stop(),
    };
  }
  const runner = new ProjectionRunner(clock.wrap(db), SCHEMA);
  runner.start([projection]);
  return {
    appended: () => {
      if (name === 'notified') runner.notify();
    },
    caughtUp: (events) => clock.projected(events.map((e) => e.eventId)),
    stop: () => runner.stop(),
  };
}

interface Round {
  timed: Appended[];
  projectedAt: ReadonlyMap<string, number>;
}

/**
 * One round of one follower on empty tables: one-event appends to new streams through `EventStore.append`
 * on the pool, offered at `plan.rate` (each due at its time whether or not the earlier ones are done, up to
 * the pool's ten connections at once), while the follower keeps the read model; then waits until it has
 * caught up.
 */
async function followRound(
  db: Database,
  store: EventStore,
  plan: LagPlan,
  name: FollowerName,
): Promise<Round> {
  await emptyEventStore(db);
  await db.execute(sql`truncate ${readModel}`);
  await resetPlainCheckpoints(db);
  const clock = new CommitClock();
  const follower = startFollower(name, db, clock);
  try {
    const warmup = Math.round(plan.rate * plan.warmupSeconds);
    const appended = await offerAtRate(
      plan.rate,
      warmup + Math.round(plan.rate * plan.seconds),
      async (due) => {
        const { recorded } = await store.append(newStreamId(), batchOf(1), 'no_stream');
        const committed = performance.now();
        follower.appended();
        return { eventId: recorded[0]!.eventId, due, committed };
      },
    );
    await within(DRAIN_LIMIT_MS, follower.caughtUp(appended), `The ${name} follower did not catch up`);
    return { timed: appended.slice(warmup), projectedAt: clock.projectedAt };
  } finally {
    await follower.stop();
  }
}

async function within<T>(milliseconds: number, work: Promise<T>, failure: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${failure} within ${milliseconds} ms`)), milliseconds);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function summarize(rounds: readonly Round[]): LagResult {
  const lags: number[] = [];
  const appendLatencies: number[] = [];
  let missed = 0;
  let windowMs = 0;
  for (const { timed, projectedAt } of rounds) {
    for (const event of timed) {
      appendLatencies.push(event.committed - event.due);
      const at = projectedAt.get(event.eventId);
      if (at === undefined) missed++;
      else lags.push(at - event.committed);
    }
    windowMs += Math.max(...timed.map((e) => e.committed)) - (timed[0]?.due ?? 0);
  }
  const appended = appendLatencies.length;
  return {
    appended,
    achievedRate: (appended * 1000) / windowMs,
    appendP99: percentile(appendLatencies, 99),
    p50: percentile(lags, 50),
    p99: percentile(lags, 99),
    max: Math.max(...lags),
    missed,
  };
}

/**
 * Projection lag at a fixed offered rate, per follower: each round runs every follower in turn on the same
 * workload, so the table compares them under the same conditions on the machine.
 */
export async function projectionLag(db: Database, store: EventStore, plan: LagPlan): Promise<LagResults> {
  await db.execute(sql`create table ${readModel} (stream_id text primary key, events integer not null)`);
  const rounds = Object.fromEntries(FOLLOWERS.map((name) => [name, [] as Round[]])) as Record<
    FollowerName,
    Round[]
  >;
  for (let round = 0; round < plan.rounds; round++) {
    for (const name of FOLLOWERS) rounds[name].push(await followRound(db, store, plan, name));
  }
  return Object.fromEntries(FOLLOWERS.map((name) => [name, summarize(rounds[name])])) as LagResults;
}
