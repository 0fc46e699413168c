import type { Database } from '@aftersales/shared-persistence';

/**
 * When each event became visible in a read model: when the transaction that applied it committed. The time
 * is taken on the client, when `transaction()` resolves, as the append's commit time it is compared with
 * is taken when `append()` resolves, so both include the same trip of the reply back to Node.js and the lag
 * holds no clock offset. A time written by the projection itself would be early: `clock_timestamp()` is
 * taken before the rest of the batch and the commit, `now()` at the start of the transaction.
 */
export class CommitClock {
  /** `performance.now()` at which the transaction that applied each event id committed. */
  readonly projectedAt = new Map<string, number>();
  private readonly batches = new WeakMap<Database, string[]>();
  private committed: (() => void) | undefined;

  /**
   * `db`, its transactions stamping the events `applied` in them once they commit. Everything else is
   * `db`'s own, so a runner made on it reads and writes exactly as on `db`.
   */
  wrap(db: Database): Database {
    const stamping = Object.create(db) as Database;
    stamping.transaction = async (work, config) => {
      const applied: string[] = [];
      const result = await db.transaction((tx) => {
        this.batches.set(tx, applied);
        return work(tx);
      }, config);
      const now = performance.now();
      for (const eventId of applied) this.projectedAt.set(eventId, now);
      this.committed?.();
      return result;
    };
    return stamping;
  }

  /** For the projection's `evolve`, inside the transaction `tx` of a wrapped database. */
  applied(eventId: string, tx: Database): void {
    this.batches.get(tx)?.push(eventId);
  }

  /** Resolves once every one of `eventIds` has been applied by a committed transaction. */
  async projected(eventIds: readonly string[]): Promise<void> {
    while (!eventIds.every((eventId) => this.projectedAt.has(eventId))) {
      await new Promise<void>((resolve) => (this.committed = resolve));
    }
  }
}
