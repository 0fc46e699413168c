import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@aftersales/shared-persistence';
import { backends, event, TEST_SCHEMA } from '../test/fixtures.js';
import { EventStore } from './event-store.js';
import { enforceRetention } from './retention.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(backends)('retention on %s', (_, open) => {
  it('deletes published outbox rows after a week and processed-event records after 395 days, and nothing else', async () => {
    const connection = await open();
    try {
      const { db } = connection;
      const store = new EventStore(db, TEST_SCHEMA);
      const appended = [];
      for (let i = 0; i < 4; i++)
        appended.push((await store.append(`stream-${i}`, [event('Opened')], 'no_stream')).recorded[0]!);
      const now = new Date('2026-11-28T12:00:00.000Z');
      const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
      const [old, recent, unpublished] = appended.map((e) => e.globalPosition.position);
      const publish = (position: string, at: string) =>
        db.execute(
          sql`update ${sql.identifier(TEST_SCHEMA)}.outbox set published_at = ${at}::timestamptz where position = ${position}::bigint`,
        );
      await publish(old!, daysAgo(8));
      await publish(recent!, daysAgo(6));
      const processed = (consumer: string, at: string) =>
        db.execute(
          sql`insert into ${sql.identifier(TEST_SCHEMA)}.processed_events (consumer, event_id, processed_at) values (${consumer}, ${randomUUID()}::uuid, ${at}::timestamptz)`,
        );
      await processed('old', daysAgo(396));
      await processed('kept', daysAgo(394));

      expect(await enforceRetention(db, TEST_SCHEMA, now)).toEqual({ outbox: 1, processedEvents: 1 });

      const outbox = rowsOf<{ position: string }>(
        await db.execute(
          sql`select position::text from ${sql.identifier(TEST_SCHEMA)}.outbox order by position`,
        ),
      ).map((r) => r.position);
      expect(outbox).toEqual([recent, unpublished, appended[3]!.globalPosition.position]);
      const consumers = rowsOf<{ consumer: string }>(
        await db.execute(sql`select consumer from ${sql.identifier(TEST_SCHEMA)}.processed_events`),
      ).map((r) => r.consumer);
      expect(consumers).toEqual(['kept']);
      // The events themselves stay: the event store keeps them for good.
      expect((await store.readStream('stream-0')).length).toBe(1);
      expect(await enforceRetention(db, TEST_SCHEMA, now)).toEqual({ outbox: 0, processedEvents: 0 });
    } finally {
      await connection.close();
    }
  });
});
