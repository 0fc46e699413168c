import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import type { GlobalPosition, RecordedEvent } from './envelope.js';
import { toRecorded, type EventRow } from './event-store.js';

/** Hands one event to the bus and resolves once the bus has stored it. */
export type PublishEvent = (event: RecordedEvent) => Promise<void>;

export interface OutboxRelayOptions {
  batchSize?: number;
  /** How long the relay sleeps when the outbox is empty. */
  idleMs?: number;
  /** Longest pause after a failed publish; pauses double from 100 ms up to it. */
  maxBackoffMs?: number;
  /** How long a relay holds the lease; longer than one publish may take to time out. */
  leaseMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Publishes every appended event, in position order, from the outbox to the bus, and marks what the bus
 * acknowledged. Replicas of a service share the work through a lease: one relay publishes at a time, so
 * the events of a stream leave in their order. A publish that fails stops the batch; the relay backs off
 * and starts again from the first unmarked event, so nothing is skipped, and the bus drops what it has
 * already stored by event id.
 */
export class OutboxRelay {
  private readonly holder = randomUUID();
  private readonly schema;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly db: Database,
    schema: string,
    private readonly publish: PublishEvent,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.schema = sql.identifier(schema);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Lets a waiting relay publish at once, e.g. right after an append in this process. */
  notify(): void {
    this.wake?.();
  }

  /**
   * Publishes what is pending, up to one batch, if this relay holds the lease. Returns how many events
   * the bus acknowledged; throws the publish error after marking the ones before it.
   */
  async publishPending(): Promise<number> {
    if (!(await this.holdLease())) return 0;
    const s = this.schema;
    const rows = rowsOf<EventRow>(
      await this.db.execute(sql`
        select e.position::text, e.transaction_id::text, e.stream_id, e.version, e.event_id::text, e.type,
               e.data, e.metadata
        from ${s}.outbox o join ${s}.events e on e.position = o.position
        where o.published_at is null
        order by o.position
        limit ${this.options.batchSize ?? 100}`),
    );
    const published: string[] = [];
    let failure: unknown;
    for (const row of rows) {
      try {
        await this.publish(toRecorded(row));
        published.push(row.position);
      } catch (error) {
        failure = error;
        break;
      }
    }
    if (published.length > 0) {
      await this.db.execute(sql`
        update ${s}.outbox set published_at = now()
        where position = any(${`{${published.join(',')}}`}::bigint[])`);
    }
    if (failure !== undefined) throw failure;
    return published.length;
  }

  /** Puts every event from `from` on the outbox again, e.g. to refill a bus that lost its stream. */
  async republishFrom(from: GlobalPosition): Promise<number> {
    const s = this.schema;
    const rows = rowsOf<{ position: string }>(
      await this.db.execute(sql`
        insert into ${s}.outbox (position)
        select position from ${s}.events
        where (transaction_id, position) >= (${from.transactionId}::xid8, ${from.position}::bigint)
        on conflict (position) do update set published_at = null
        returning position`),
    );
    this.notify();
    return rows.length;
  }

  private async holdLease(): Promise<boolean> {
    const s = this.schema;
    const leaseMs = this.options.leaseMs ?? 15_000;
    const rows = rowsOf<{ holder: string }>(
      await this.db.execute(sql`
        insert into ${s}.outbox_relay as lease (id, holder, lease_until)
        values (1, ${this.holder}, now() + ${leaseMs} * interval '1 millisecond')
        on conflict (id) do update set holder = excluded.holder, lease_until = excluded.lease_until
        where lease.holder = excluded.holder or lease.lease_until < now()
        returning holder`),
    );
    return rows.length === 1;
  }

  private async run(): Promise<void> {
    const maxBackoffMs = this.options.maxBackoffMs ?? 5_000;
    let backoffMs = 100;
    while (this.running) {
      let published: number;
      try {
        published = await this.publishPending();
        backoffMs = 100;
      } catch (error) {
        this.options.onError?.(error);
        await this.pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
        continue;
      }
      if (published < (this.options.batchSize ?? 100)) await this.pause(this.options.idleMs ?? 200);
    }
  }

  private async pause(ms: number): Promise<void> {
    const controller = new AbortController();
    this.wake = () => controller.abort();
    await sleep(ms, undefined, { signal: controller.signal }).catch(() => undefined);
    this.wake = undefined;
  }
}
