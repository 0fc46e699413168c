import { sql } from 'drizzle-orm';
import { type EventRow, type Projection, toRecorded } from '@aftersales/shared-event-store';
import { type Database, rowsOf } from '@aftersales/shared-persistence';
import { SCHEMA } from './database.js';

const BATCH_SIZE = 500;
const schema = sql.identifier(SCHEMA);
const checkpoints = sql`${schema}.bench_plain_checkpoints`;

/** Creates the plain reader's checkpoint table if needed, and empties it. */
export async function resetPlainCheckpoints(db: Database): Promise<void> {
  await db.execute(
    sql`create table if not exists ${checkpoints} (projection text primary key, position bigint not null)`,
  );
  await db.execute(sql`truncate ${checkpoints}`);
}

/**
 * The floor under `ProjectionRunner`: the simplest follower a team would write. Like the runner, each
 * batch is one transaction that reads the checkpoint, the events after it (as many, in the same columns),
 * applies them and moves the checkpoint; it is woken by `notify`. What it leaves out is the guarantee: no
 * snapshot horizon, ordered by position alone, and no lock. Positions come from a sequence, so an append can
 * commit a lower position after this reader went past it: that event is skipped for good.
 */
export class PlainReader {
  private running = false;
  private loop = Promise.resolve();
  private notified = false;
  private wake: (() => void) | undefined;
  /** When the last pass that found nothing new had started. */
  private lastEmptyPass = -Infinity;
  private emptyPass: (() => void) | undefined;

  constructor(
    private readonly db: Database,
    private readonly projection: Projection,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.follow();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
  }

  notify(): void {
    this.notified = true;
    this.wake?.();
  }

  /**
   * Resolves after a pass that started after `since` found nothing new: from then on it will never apply
   * an event committed before `since`, so whatever it has not applied by then it has skipped.
   */
  async caughtUp(since: number): Promise<void> {
    while (this.lastEmptyPass <= since) await new Promise<void>((resolve) => (this.emptyPass = resolve));
  }

  private async follow(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      if ((await this.applyBatch()) > 0) continue;
      this.lastEmptyPass = started;
      this.emptyPass?.();
      // A notify that came during the pass is kept, so an append announced meanwhile is not left waiting.
      if (!this.notified) await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
      this.notified = false;
    }
  }

  private applyBatch(): Promise<number> {
    const { name, canHandle } = this.projection;
    return this.db.transaction(async (tx) => {
      const at = rowsOf<{ position: string }>(
        await tx.execute(sql`select position::text from ${checkpoints} where projection = ${name}`),
      )[0];
      const rows = rowsOf<EventRow>(
        await tx.execute(sql`
          select position::text, transaction_id::text, stream_id, version, event_id::text, type, data, metadata
          from ${schema}.events where position > ${at?.position ?? '0'}::bigint
          order by position limit ${BATCH_SIZE}`),
      );
      const last = rows.at(-1)?.position;
      if (last === undefined) return 0;
      for (const event of rows.map((row) => toRecorded(row))) {
        if (canHandle.includes(event.type)) await this.projection.evolve(event, tx);
      }
      await tx.execute(sql`
        insert into ${checkpoints} (projection, position) values (${name}, ${last}::bigint)
        on conflict (projection) do update set position = excluded.position`);
      return rows.length;
    });
  }
}
