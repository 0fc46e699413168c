import { sql } from 'drizzle-orm';
import { ConcurrencyError } from '@aftersales/contracts/common';
import type { DomainEvent } from '@aftersales/shared-decider';
import { metrics } from '@aftersales/shared-metrics';
import { type Database, executePrepared, rowsOf } from '@aftersales/shared-persistence';
import { traceCarrier } from '@aftersales/shared-telemetry';
import {
  DuplicateEventError,
  type ExpectedVersion,
  type GlobalPosition,
  type NewEvent,
  type RecordedEvent,
} from './envelope.js';

export interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: NewEvent['metadata'];
}

export function toRecorded<E extends DomainEvent>(row: EventRow): RecordedEvent<E> {
  return {
    streamId: row.stream_id,
    version: row.version,
    eventId: row.event_id,
    type: row.type as E['type'],
    data: row.data as E['data'],
    metadata: row.metadata,
    globalPosition: { transactionId: row.transaction_id, position: row.position },
  };
}

/** An event as deciding a command needs it: what happened, and which command appended it (to answer a retry). */
export interface DecisionEvent<E extends DomainEvent = DomainEvent> {
  version: number;
  type: E['type'];
  data: E['data'];
  commandId: string;
}

function uniqueViolation(error: unknown): string | undefined {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e;) {
    if (e.code === '23505') return e.constraint ?? '';
    e = e.cause as typeof e;
  }
  return undefined;
}

export interface AppendResult {
  /** The stream's version after the append: the expected version of the next one. */
  nextVersion: number;
  /** The appended events as stored, for projections kept in the same transaction. */
  recorded: RecordedEvent[];
}

/**
 * The event store of one service, in that service's schema, on PostgreSQL or PGlite alike. The tables
 * come from `eventSourcingTables`.
 */
export class EventStore {
  private readonly schema: ReturnType<typeof sql.identifier>;

  private readonly appendedListeners: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    readonly schemaName: string,
    /** Event type → the version of its contract, stamped on each published event as it is appended. */
    private readonly schemaVersions: ReadonlyMap<string, number> = new Map(),
  ) {
    this.schema = sql.identifier(schemaName);
  }

  /**
   * Calls `listener` whenever an append of this store has committed, so that the relay and the
   * projections of the same process start on it at once instead of at their next poll.
   */
  onAppended(listener: () => void): void {
    this.appendedListeners.push(listener);
  }

  /**
   * Appends atomically, in one statement, together with the events' outbox rows. The stream row is
   * updated only when the expected version holds, and its lock orders concurrent appends to a stream.
   * To append inside a transaction of the caller's, make the store on that transaction.
   */
  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    const done = metrics.appends.startTimer({ service: this.schemaName });
    try {
      return await this.write(streamId, events, expected);
    } finally {
      done();
    }
  }

  private async write(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`Nothing to append to ${streamId}`);
    const s = this.schema;
    const count = events.length;
    const stream =
      expected === 'no_stream' || expected === 0
        ? sql`insert into ${s}.streams (stream_id, version) values (${streamId}, ${count})
              on conflict do nothing returning 0 as base`
        : expected === 'any'
          ? sql`insert into ${s}.streams as current (stream_id, version) values (${streamId}, ${count})
                on conflict (stream_id) do update set version = current.version + excluded.version
                returning current.version - ${count} as base`
          : sql`update ${s}.streams set version = version + ${count}
                where stream_id = ${streamId} and version = ${expected}
                returning version - ${count} as base`;
    const stamped = events.map((event) => this.stamped(event));
    const batch = JSON.stringify(stamped);
    const variant =
      expected === 'no_stream' || expected === 0 ? 'new' : expected === 'any' ? 'any' : 'expected';
    try {
      const rows = await executePrepared<{ version: number; position: string; transaction_id: string }>(
        this.db,
        `aftersales_append_${this.schemaName}_${variant}`,
        sql`
          with stream as (${stream}),
          appended as (
            insert into ${s}.events (stream_id, version, event_id, type, data, metadata)
            select ${streamId}, stream.base + e.ordinality, (e.value->>'eventId')::uuid, e.value->>'type',
                   e.value->'data', e.value->'metadata'
            from stream, jsonb_array_elements(${batch}::jsonb) with ordinality as e(value, ordinality)
            returning position, version, transaction_id
          ),
          outboxed as (insert into ${s}.outbox (position) select position from appended)
          select version, position::text, transaction_id::text from appended order by version`,
      );
      if (rows.length === 0) {
        throw new ConcurrencyError(streamId, expected, await this.streamVersion(streamId));
      }
      const recorded = rows.map((row, i) => ({
        ...stamped[i]!,
        streamId,
        version: row.version,
        globalPosition: { transactionId: row.transaction_id, position: row.position },
      }));
      this.appendedListeners.forEach((listener) => listener());
      return { nextVersion: rows.at(-1)!.version, recorded };
    } catch (error) {
      if (uniqueViolation(error) === 'events_event_id_unique') throw new DuplicateEventError(streamId);
      throw error;
    }
  }

  /** Runs `work` in one transaction, with a store whose appends belong to it. */
  async transaction<T>(work: (store: EventStore, tx: Database) => Promise<T>): Promise<T> {
    // The store of the transaction has no listeners: they hear of its appends once it has committed.
    const result = await this.db.transaction((tx) =>
      work(new EventStore(tx, this.schemaName, this.schemaVersions), tx),
    );
    this.appendedListeners.forEach((listener) => listener());
    return result;
  }

  /** The event with its contract's version, and the trace context of the work that appends it. */
  private stamped(event: NewEvent): NewEvent {
    const schemaVersion = this.schemaVersions.get(event.type);
    const metadata = { ...event.metadata, ...traceCarrier() };
    return { ...event, metadata: schemaVersion === undefined ? metadata : { ...metadata, schemaVersion } };
  }

  /** 0 for a stream that does not exist. */
  async streamVersion(streamId: string): Promise<number> {
    const rows = rowsOf<{ version: number }>(
      await this.db.execute(sql`select version from ${this.schema}.streams where stream_id = ${streamId}`),
    );
    return rows[0]?.version ?? 0;
  }

  async readStream<E extends DomainEvent>(streamId: string, fromVersion = 1): Promise<RecordedEvent<E>[]> {
    const rows = rowsOf<EventRow>(
      await this.db.execute(sql`
        select position::text, transaction_id::text, stream_id, version, event_id::text, type, data, metadata
        from ${this.schema}.events
        where stream_id = ${streamId} and version >= ${fromVersion}
        order by version`),
    );
    return rows.map((row) => toRecorded<E>(row));
  }

  /**
   * A stream as a command handler folds it: each event's type, data and command id only, so that reading a
   * long stream costs little more than parsing its data.
   */
  async loadStream<E extends DomainEvent>(streamId: string): Promise<DecisionEvent<E>[]> {
    const rows = rowsOf<{ version: number; type: E['type']; data: E['data']; command_id: string }>(
      await this.db.execute(sql`
        select version, type, data, metadata->>'commandId' as command_id
        from ${this.schema}.events
        where stream_id = ${streamId}
        order by version`),
    );
    return rows.map(({ version, type, data, command_id }) => ({
      version,
      type,
      data,
      commandId: command_id,
    }));
  }

  /**
   * Events after `after`, in global order, never past a transaction that may still commit. Positions come
   * from a sequence, so a transaction can commit a lower position after a higher one is visible; reading
   * only transactions older than the oldest open one (`pg_snapshot_xmin`), ordered by transaction id first,
   * means a later commit always sorts after everything already read.
   */
  async readAll(after: GlobalPosition, limit = 500): Promise<RecordedEvent[]> {
    const rows = rowsOf<EventRow>(
      await this.db.execute(sql`
        select position::text, transaction_id::text, stream_id, version, event_id::text, type, data, metadata
        from ${this.schema}.events
        where (transaction_id, position) > (${after.transactionId}::xid8, ${after.position}::bigint)
          and transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        -- Qualified: the bare names would sort by the selected text columns, where '10' < '9'.
        order by events.transaction_id, events.position
        limit ${limit}`),
    );
    return rows.map((row) => toRecorded(row));
  }
}
