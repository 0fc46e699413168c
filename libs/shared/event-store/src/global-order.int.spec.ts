import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from 'drizzle-orm';
import { type Database, type DatabaseConnection, openPostgres, rowsOf } from '@aftersales/shared-persistence';
import { createTestDatabase, waitForSnapshotHorizon } from '@aftersales/shared-testing';
import { event, openMigratedPostgres, TEST_SCHEMA } from '../test/fixtures.js';
import { type GlobalPosition, type RecordedEvent, START } from './envelope.js';
import { EventStore } from './event-store.js';

/** A transaction held open until the test commits it. */
function openTransaction(db: Database) {
  let commit!: () => void;
  let ready!: (tx: Database) => void;
  const committed = new Promise<void>((resolve) => (commit = resolve));
  const started = new Promise<Database>((resolve) => (ready = resolve));
  const done = db.transaction(async (tx) => {
    ready(tx);
    await committed;
  });
  return { started, commit: async () => (commit(), await done) };
}

// Concurrent transactions need several connections: PGlite has one, so this runs on the server only.
describe('global order under concurrent writers (PostgreSQL)', () => {
  let connection: DatabaseConnection;
  let store: EventStore;

  beforeAll(async () => {
    connection = await openMigratedPostgres();
    store = new EventStore(connection.db, TEST_SCHEMA);
  });

  afterAll(() => connection.close());

  /** Everything committed so far, once the transactions of other tests on the server no longer hide it. */
  async function readCommitted(after: GlobalPosition): Promise<RecordedEvent[]> {
    await waitForSnapshotHorizon(connection.db);
    return store.readAll(after, 100_000);
  }

  async function head(): Promise<GlobalPosition> {
    return (await readCommitted(START)).at(-1)?.globalPosition ?? START;
  }

  async function naivelyVisibleAfter(position: string): Promise<string[]> {
    const rows = rowsOf<{ stream_id: string }>(
      await connection.db.execute(
        sql`select stream_id from ${sql.identifier(TEST_SCHEMA)}.events where position > ${position}::bigint`,
      ),
    );
    return rows.map((r) => r.stream_id);
  }

  it('never passes a lower position whose transaction is still open', async () => {
    const checkpoint = await head();
    const slow = openTransaction(connection.db);
    await new EventStore(await slow.started, TEST_SCHEMA).append('slow-1', [event('Opened')], 'no_stream');
    await store.append('fast-1', [event('Opened')], 'no_stream');

    expect(await naivelyVisibleAfter(checkpoint.position)).toEqual(['fast-1']);
    expect(await store.readAll(checkpoint)).toEqual([]);

    await slow.commit();
    expect((await readCommitted(checkpoint)).map((e) => e.streamId)).toEqual(['slow-1', 'fast-1']);
  });

  it('reads a transaction that began first, but appended last, before the later ones', async () => {
    const checkpoint = await head();
    const slow = openTransaction(connection.db);
    const tx = await slow.started;
    await tx.execute(sql`select pg_current_xact_id()`);
    await store.append('fast-2', [event('Opened')], 'no_stream');
    expect(await store.readAll(checkpoint)).toEqual([]);

    await new EventStore(tx, TEST_SCHEMA).append('slow-2', [event('Opened')], 'no_stream');
    await slow.commit();
    const read = await readCommitted(checkpoint);
    expect(read.map((e) => e.streamId)).toEqual(['slow-2', 'fast-2']);
    expect(BigInt(read[0]!.globalPosition.position)).toBeGreaterThan(
      BigInt(read[1]!.globalPosition.position),
    );
  });

  it('is held back by a transaction open in any database of the server, until it ends', async () => {
    const elsewhere = await openPostgres(await createTestDatabase('elsewhere'));
    try {
      const checkpoint = await head();
      const long = openTransaction(elsewhere.db);
      await (await long.started).execute(sql`select pg_current_xact_id()`);
      await store.append('held-1', [event('Opened')], 'no_stream');
      let passed = false;
      const horizon = waitForSnapshotHorizon(connection.db).then(() => (passed = true));
      expect(await store.readAll(checkpoint)).toEqual([]);
      expect(passed).toBe(false);
      await long.commit();
      await horizon;
      expect((await store.readAll(checkpoint)).map((e) => e.streamId)).toEqual(['held-1']);
    } finally {
      await elsewhere.close();
    }
  });

  it('loses nothing when many writers append at once and a reader follows along', async () => {
    const seen: string[] = [];
    let position = await head();
    const follow = async () => {
      for (let batch; (batch = await store.readAll(position, 50)).length > 0;) {
        seen.push(...batch.map((e) => e.streamId));
        position = batch.at(-1)!.globalPosition;
      }
    };
    let writing = true;
    const reader = (async () => {
      while (writing) await follow();
    })();
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 25; i++) await store.append(`w${w}-${i}`, [event('Opened')], 'no_stream');
      })(),
    );
    await Promise.all(writers);
    writing = false;
    await reader;
    await waitForSnapshotHorizon(connection.db);
    await follow();
    expect(seen.filter((s, i) => seen.indexOf(s) !== i)).toEqual([]);
    expect(seen).toHaveLength(200);
  });
});
