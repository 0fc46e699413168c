import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type EventBus, eventSubject } from '@aftersales/shared-messaging';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import { inSpan, SpanKind } from '@aftersales/shared-telemetry';
import { toRecorded, type EventRow } from './event-store.js';
import { Wakeup } from './wakeup.js';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** How long the relay sleeps when the outbox is empty. */
  idleMs?: number;
  /** Longest pause after a failed publish; pauses double from 100 ms up to it. */
  maxBackoffMs?: number;
  /** How long a relay holds the lease; more than twice what one publish may take to time out. */
  leaseMs?: number;
  onError?: (error: unknown) => void;
}

/** The stream ends before events the bus had acknowledged: it lost them, and they go out again. */
export class StreamLossError extends Error {
  override name = 'StreamLossError';

  constructor(
    readonly service: string,
    readonly lastSequence: number,
    readonly lost: number,
  ) {
    super(
      `The ${service} stream ends at ${lastSequence} but had acknowledged ${lost} events after it; ` +
        `publishing them again. Durable consumers that delivered past ${lastSequence} start again at ` +
        `${lastSequence + 1} when they attach or reconnect, each with a warning; one without it skips ` +
        `what the stream stores below its position: recreate it at ${lastSequence + 1}.`,
    );
  }
}

/**
 * Publishes every appended event, in position order, from the outbox to the service's stream, and
 * records where the stream stored each. Replicas share the work through a lease: one relay publishes
 * at a time, so the events of a stream leave in their order.
 *
 * Each batch starts from the stream's last sequence. Events recorded beyond it were lost by the bus
 * (JetStream acknowledges before its store is synced to disk), so they go back on the outbox and out
 * again, in position order, before anything newer. Every publish expects the stream to end where the
 * previous one left it: a relay that lost its lease, or a stream that lost messages meanwhile, gets a
 * refusal instead of a message out of order, and the next batch starts again from the stream's end.
 */
export class OutboxRelay {
  private readonly holder = randomUUID();
  private readonly schema;
  private readonly wakeup = new Wakeup();
  private running = false;
  private loop: Promise<void> | undefined;
  /** When the last lease renewal was sent, by this process's monotonic clock. */
  private renewedAt = -Infinity;

  constructor(
    private readonly db: Database,
    schema: string,
    private readonly bus: EventBus,
    private readonly service: string,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.schema = sql.identifier(schema);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets a batch in flight finish and record what it published, then resolves. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeup.notify();
    await this.loop;
  }

  /** Lets a waiting relay publish at once, e.g. right after an append in this process. */
  notify(): void {
    this.wakeup.notify();
  }

  /**
   * Publishes what is pending, up to one batch, if this relay holds the lease. Returns how many events
   * the bus acknowledged; throws the publish error after recording the ones before it.
   */
  async publishPending(): Promise<number> {
    if (!(await this.renewLease())) return 0;
    const lastSequence = await this.bus.lastSequence(this.service);
    await this.takeBackLost(lastSequence);
    const rows = await this.pending();
    const positions: string[] = [];
    const sequences: number[] = [];
    let expectedLastSequence = lastSequence;
    let failure: unknown;
    for (const row of rows) {
      try {
        if (!(await this.holdsLease())) break;
        const event = toRecorded(row);
        const subject = eventSubject(this.service, event.type);
        // A span of the trace the event was appended in: how long it waited in the outbox shows.
        const ack = await inSpan(
          `send ${subject}`,
          {
            kind: SpanKind.PRODUCER,
            parent: event.metadata,
            attributes: { 'messaging.destination.name': subject, 'messaging.message.id': event.eventId },
          },
          () => this.bus.publish({ subject, id: event.eventId, data: event }, { expectedLastSequence }),
        );
        if (!ack.duplicate) expectedLastSequence = ack.sequence;
        positions.push(row.position);
        sequences.push(ack.sequence);
      } catch (error) {
        failure = error;
        break;
      }
    }
    await this.record(positions, sequences);
    if (failure !== undefined) throw failure;
    return positions.length;
  }

  /** How many appended events are not published yet. */
  async backlog(): Promise<number> {
    const [row] = rowsOf<{ backlog: number }>(
      await this.db.execute(
        sql`select count(*)::int as backlog from ${this.schema}.outbox where published_at is null`,
      ),
    );
    return row?.backlog ?? 0;
  }

  private async pending(): Promise<EventRow[]> {
    const s = this.schema;
    return rowsOf<EventRow>(
      await this.db.execute(sql`
        select e.position::text, e.transaction_id::text, e.stream_id, e.version, e.event_id::text, e.type,
               e.data, e.metadata
        from ${s}.outbox o join ${s}.events e on e.position = o.position
        where o.published_at is null
        order by o.position
        limit ${this.options.batchSize ?? 100}`),
    );
  }

  private async takeBackLost(lastSequence: number): Promise<void> {
    const s = this.schema;
    const [taken] = rowsOf<{ lost: number }>(
      await this.db.execute(sql`
        with lost as (
          update ${s}.outbox set published_at = null, stream_sequence = null
          where stream_sequence > ${lastSequence}
          returning 1)
        select count(*)::int as lost from lost`),
    );
    if (taken!.lost > 0) {
      this.options.onError?.(new StreamLossError(this.service, lastSequence, taken!.lost));
    }
  }

  /**
   * Marks the published rows only while this relay still holds the lease, under the lease row's lock:
   * a relay that lost it cannot record a sequence behind the back of the new holder's loss check, which
   * would then miss that the stream no longer holds it. Its events are simply published again.
   */
  private async record(positions: string[], sequences: number[]): Promise<void> {
    if (positions.length === 0) return;
    const s = this.schema;
    await this.db.execute(sql`
      with lease as (
        select 1 from ${s}.outbox_relay where id = 1 and holder = ${this.holder} for update),
      acknowledged as (
        select unnest(${`{${positions.join(',')}}`}::bigint[]) as position,
               unnest(${`{${sequences.join(',')}}`}::bigint[]) as stream_sequence)
      update ${s}.outbox o set published_at = now(), stream_sequence = a.stream_sequence
      from acknowledged a
      where o.position = a.position and exists (select 1 from lease)`);
  }

  /**
   * Renews the lease when half of it has passed since the last renewal, so the lease covers the whole
   * batch and a relay that lost it stops before its next publish. Renewing rather than holding a lock
   * for the batch: a lock needs a transaction open for as long as the publishes take, which on PGlite's
   * single connection would hold back every append; and what a stale publish could still do, the bus
   * refuses through the expected last sequence.
   */
  private async holdsLease(): Promise<boolean> {
    const leaseMs = this.options.leaseMs ?? 15_000;
    if (performance.now() - this.renewedAt < leaseMs / 2) return true;
    return this.renewLease();
  }

  private async renewLease(): Promise<boolean> {
    const s = this.schema;
    const leaseMs = this.options.leaseMs ?? 15_000;
    const sentAt = performance.now();
    const rows = rowsOf<{ holder: string }>(
      await this.db.execute(sql`
        insert into ${s}.outbox_relay as lease (id, holder, lease_until)
        values (1, ${this.holder}, now() + ${leaseMs} * interval '1 millisecond')
        on conflict (id) do update set holder = excluded.holder, lease_until = excluded.lease_until
        where lease.holder = excluded.holder or lease.lease_until < now()
        returning holder`),
    );
    const held = rows.length === 1;
    this.renewedAt = held ? sentAt : -Infinity;
    return held;
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
        await this.wakeup.pause(backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
        continue;
      }
      if (published < (this.options.batchSize ?? 100)) await this.wakeup.pause(this.options.idleMs ?? 200);
    }
  }
}
