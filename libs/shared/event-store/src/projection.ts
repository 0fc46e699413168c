import { Logger } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import { inSpan, SpanKind, withCorrelationId } from '@aftersales/shared-telemetry';
import { type GlobalPosition, type RecordedEvent, START } from './envelope.js';
import { EventStore } from './event-store.js';
import { Wakeup } from './wakeup.js';

/** A read model kept from a service's events. */
export interface Projection {
  name: string;
  /** The event types it applies; other events pass by (the checkpoint still moves past them). */
  canHandle: readonly string[];
  /** Applies one event to the read model, inside the runner's transaction. */
  evolve(event: RecordedEvent, tx: Database): Promise<void>;
  /**
   * Applies several events, all of kinds it handles, in fewer statements than one at a time; runners use it
   * when present. It must leave the read model as `evolve` applied to each in turn would.
   */
  evolveBatch?(events: readonly RecordedEvent[], tx: Database): Promise<void>;
  /** Empties the read model, for a rebuild. */
  reset(tx: Database): Promise<void>;
}

const logger = new Logger('Projection');

/**
 * Applies one event in a span that continues the trace the event was appended in, on behalf of its
 * correlation id, so the projection's work shows in the trace and its log lines name the user action.
 */
function applyTraced(projection: Projection, event: RecordedEvent, tx: Database): Promise<void> {
  const apply = () =>
    inSpan(
      `project ${event.type}`,
      {
        kind: SpanKind.INTERNAL,
        parent: event.metadata,
        attributes: { 'aftersales.projection': projection.name },
      },
      async () => {
        await projection.evolve(event, tx);
        logger.debug(`${projection.name} applied ${event.type} ${event.eventId}`);
      },
    );
  return withCorrelationId(event.metadata.correlationId, apply);
}

/** A batch has no one parent: its span stands alone, and names how many events it applied. */
function applyBatchTraced(
  projection: Projection,
  events: readonly RecordedEvent[],
  tx: Database,
): Promise<void> {
  return inSpan(
    `project ${events.length} events`,
    { kind: SpanKind.INTERNAL, attributes: { 'aftersales.projection': projection.name } },
    async () => {
      await projection.evolveBatch!(events, tx);
      logger.debug(`${projection.name} applied ${events.length} events up to ${events.at(-1)!.eventId}`);
    },
  );
}

/** How often a runner looks again while the snapshot horizon hides events from it. */
const HORIZON_POLL_MS = 20;

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** How long a started runner waits for a `notify` before it looks for new events anyway. */
  idleMs?: number;
  /** Longest pause after a failed batch; pauses double from 100 ms up to it. */
  maxBackoffMs?: number;
  onError?: (projection: string, error: unknown) => void;
}

/**
 * Runs projections over the event store. A batch is one transaction under a lock of its projection:
 * it reads the checkpoint, the events after it, applies them and moves the checkpoint, so runners in
 * several replicas apply each event exactly once, and a crash leaves the read model and its checkpoint
 * as they were.
 */
export class ProjectionRunner {
  private readonly schema;
  private readonly wakeups = new Set<Wakeup>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly db: Database,
    private readonly schemaName: string,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.schema = sql.identifier(schemaName);
  }

  /** Keeps each projection caught up until `stop`: on `notify`, and every `idleMs` in any case. */
  start(projections: readonly Projection[]): void {
    if (this.running) return;
    this.running = true;
    this.loops = projections.map((projection) => this.follow(projection));
  }

  /** Lets the batches in flight commit, then resolves. */
  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Lets the started projections look at once, e.g. right after an append in this process. */
  notify(): void {
    for (const wakeup of this.wakeups) wakeup.notify();
  }

  async checkpoint(projection: Projection, db: Database = this.db): Promise<GlobalPosition> {
    const rows = rowsOf<GlobalPosition>(
      await db.execute(sql`
        select transaction_id::text as "transactionId", position::text as "position"
        from ${this.schema}.projection_checkpoints where projection = ${projection.name}`),
    );
    return rows[0] ?? START;
  }

  /**
   * Takes the projection past every event stored now, waiting for those the snapshot horizon still hides
   * (a transaction begun earlier, in any database of the server, is still open); returns how many events it
   * went past.
   */
  async catchUp(projection: Projection): Promise<number> {
    let passed = 0;
    for (;;) {
      const batch = await this.applyBatch(projection);
      passed += batch;
      if (batch > 0) continue;
      if (!(await this.hidesEvents(projection))) return passed;
      await new Promise((resolve) => setTimeout(resolve, HORIZON_POLL_MS));
    }
  }

  /** Empties the read model and applies every event again from the first. */
  async rebuild(projection: Projection): Promise<number> {
    await this.db.transaction(async (tx) => {
      await this.lock(projection, tx);
      await projection.reset(tx);
      await tx.execute(
        sql`delete from ${this.schema}.projection_checkpoints where projection = ${projection.name}`,
      );
    });
    return this.catchUp(projection);
  }

  /** How many stored events the projection has not gone past yet. */
  async lag(projection: Projection): Promise<number> {
    const at = await this.checkpoint(projection);
    const rows = rowsOf<{ lag: number }>(
      await this.db.execute(sql`
        select count(*)::int as lag from ${this.schema}.events
        where (transaction_id, position) > (${at.transactionId}::xid8, ${at.position}::bigint)`),
    );
    return rows[0]?.lag ?? 0;
  }

  /** Whether events are stored past the projection's checkpoint that a read in global order cannot see yet. */
  private async hidesEvents(projection: Projection): Promise<boolean> {
    const at = await this.checkpoint(projection);
    const rows = rowsOf<{ hidden: boolean }>(
      await this.db.execute(sql`
        select exists (
          select 1 from ${this.schema}.events
          where (transaction_id, position) > (${at.transactionId}::xid8, ${at.position}::bigint)
        ) as hidden`),
    );
    return rows[0]?.hidden ?? false;
  }

  /** One batch, in one transaction; returns how many events it went past. */
  private applyBatch(projection: Projection): Promise<number> {
    return this.db.transaction(async (tx) => {
      await this.lock(projection, tx);
      const events = await new EventStore(tx, this.schemaName).readAll(
        await this.checkpoint(projection, tx),
        // Small batches: a batch's transaction holds every global-order reader on the server back.
        this.options.batchSize ?? 100,
      );
      const last = events.at(-1)?.globalPosition;
      if (!last) return 0;
      const handled = events.filter((event) => projection.canHandle.includes(event.type));
      if (projection.evolveBatch) {
        if (handled.length > 0) await applyBatchTraced(projection, handled, tx);
      } else {
        for (const event of handled) await applyTraced(projection, event, tx);
      }
      // The lock already orders the runners; the condition keeps a checkpoint from ever moving back.
      await tx.execute(sql`
        insert into ${this.schema}.projection_checkpoints as current (projection, transaction_id, position)
        values (${projection.name}, ${last.transactionId}::xid8, ${last.position}::bigint)
        on conflict (projection) do update
          set transaction_id = excluded.transaction_id, position = excluded.position
          where (current.transaction_id, current.position) < (excluded.transaction_id, excluded.position)`);
      return events.length;
    });
  }

  /**
   * Held until the transaction ends. An advisory lock rather than the checkpoint row's: a projection that
   * never ran has no row to lock. It assigns no transaction id, so a waiting runner holds no one back.
   */
  private async lock(projection: Projection, tx: Database): Promise<void> {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${this.schemaName}), hashtext(${projection.name}))`,
    );
  }

  private async follow(projection: Projection): Promise<void> {
    const wakeup = new Wakeup();
    this.wakeups.add(wakeup);
    const maxBackoffMs = this.options.maxBackoffMs ?? 5_000;
    let backoffMs = 100;
    while (this.running) {
      let passed: number;
      try {
        passed = await this.applyBatch(projection);
        backoffMs = 100;
      } catch (error) {
        this.options.onError?.(projection.name, error);
        await wakeup.pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
        continue;
      }
      if (passed === 0) {
        // Events the snapshot horizon still hides are visible as soon as the transactions in front of
        // them end, usually within milliseconds: look again shortly rather than after a full idle pause.
        const hidden = await this.hidesEvents(projection).catch(() => false);
        await wakeup.pause(hidden ? HORIZON_POLL_MS : (this.options.idleMs ?? 1_000));
      }
    }
    this.wakeups.delete(wakeup);
  }
}
