import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import { type GlobalPosition, type RecordedEvent, START } from './envelope.js';
import { EventStore } from './event-store.js';

/** A read model kept from a service's events. */
export interface Projection {
  name: string;
  /** Applies one event to the read-model tables, inside the runner's transaction. */
  apply(event: RecordedEvent, tx: Database): Promise<void>;
  /** Empties the read-model tables, for a rebuild. */
  reset(tx: Database): Promise<void>;
}

/**
 * Runs projections over the event store. Each batch of events and the projection's checkpoint commit in
 * one transaction, so an event changes the read model exactly once even across crashes.
 */
export class ProjectionRunner {
  private readonly schema;

  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    schemaName: string,
    private readonly batchSize = 500,
  ) {
    this.schema = sql.identifier(schemaName);
  }

  async checkpoint(projection: Projection): Promise<GlobalPosition> {
    const rows = rowsOf<GlobalPosition>(
      await this.db.execute(sql`
        select transaction_id::text as "transactionId", position::text as "position"
        from ${this.schema}.projection_checkpoints where projection = ${projection.name}`),
    );
    return rows[0] ?? START;
  }

  /** Applies every event visible now that the projection has not seen; returns how many. */
  async catchUp(projection: Projection): Promise<number> {
    let applied = 0;
    for (;;) {
      const events = await this.store.readAll(await this.checkpoint(projection), this.batchSize);
      if (events.length === 0) return applied;
      const last = events.at(-1)!.globalPosition;
      await this.db.transaction(async (tx) => {
        for (const event of events) await projection.apply(event, tx);
        await tx.execute(sql`
          insert into ${this.schema}.projection_checkpoints (projection, transaction_id, position)
          values (${projection.name}, ${last.transactionId}::xid8, ${last.position}::bigint)
          on conflict (projection) do update
            set transaction_id = excluded.transaction_id, position = excluded.position`);
      });
      applied += events.length;
    }
  }

  /** Empties the read model and applies every event again from the first. */
  async rebuild(projection: Projection): Promise<number> {
    await this.db.transaction(async (tx) => {
      await projection.reset(tx);
      await tx.execute(
        sql`delete from ${this.schema}.projection_checkpoints where projection = ${projection.name}`,
      );
    });
    return this.catchUp(projection);
  }

  /** How many stored events the projection has not applied yet. */
  async lag(projection: Projection): Promise<number> {
    const at = await this.checkpoint(projection);
    const rows = rowsOf<{ lag: number }>(
      await this.db.execute(sql`
        select count(*)::int as lag from ${this.schema}.events
        where (transaction_id, position) > (${at.transactionId}::xid8, ${at.position}::bigint)`),
    );
    return rows[0]?.lag ?? 0;
  }
}
