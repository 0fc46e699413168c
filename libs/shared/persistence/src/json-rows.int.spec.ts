import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '@aftersales/shared-testing';
import { asc, sql } from 'drizzle-orm';
import { integer, jsonb, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DatabaseConnection } from './database.js';
import { insertJsonRows } from './json-rows.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

const schema = pgSchema('json_rows_test');
const lines = schema.table('lines', {
  id: uuid('id').primaryKey(),
  deviceOrderNo: text('device_order_no').notNull(),
  position: integer('position').notNull(),
  note: text('note'),
  photos: jsonb('photos').$type<string[]>().notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
});

const first = '00000000-0000-4000-8000-000000000001';
const second = '00000000-0000-4000-8000-000000000002';
const row = (id: string, change: Partial<typeof lines.$inferInsert> = {}) => ({
  id,
  deviceOrderNo: `no-${id.slice(-1)}`,
  position: 0,
  note: null,
  photos: [],
  details: {},
  receivedAt: null,
  ...change,
});

const backends: [string, () => Promise<DatabaseConnection>][] = [
  ['PostgreSQL', async () => openPostgres(await createTestDatabase('rows'))],
  ['PGlite', () => openPglite('memory://')],
];

describe.each(backends)('rows written as one JSON parameter, on %s', (_, open) => {
  let connection: DatabaseConnection;
  const read = () => connection.db.select().from(lines).orderBy(asc(lines.id));

  beforeAll(async () => {
    connection = await open();
    await connection.db.execute(sql`create schema json_rows_test`);
    await connection.db.execute(sql`
      create table json_rows_test.lines (
        id uuid primary key, device_order_no text not null, position integer not null, note text,
        photos jsonb not null, details jsonb not null, received_at timestamptz)`);
  });

  afterAll(() => connection.close());

  it('writes every column of every row with its type: text, numbers, JSON, instants and nulls', async () => {
    const at = new Date('2026-11-28T09:30:00.000Z');
    await connection.db.execute(
      insertJsonRows(
        lines,
        [
          row(first, {
            note: 'dented "chassis" \\ 凹陷',
            photos: ['a', 'b'],
            details: { faults: [{ position: 2 }] },
            receivedAt: at,
          }),
          row(second, { position: 1 }),
        ],
        { doNothing: true },
      ),
    );
    expect(await read()).toEqual([
      row(first, {
        note: 'dented "chassis" \\ 凹陷',
        photos: ['a', 'b'],
        details: { faults: [{ position: 2 }] },
        receivedAt: at,
      }),
      row(second, { position: 1 }),
    ]);
  });

  it('overwrites a row whose key is taken when told to, and otherwise leaves it', async () => {
    await connection.db.execute(insertJsonRows(lines, [row(first, { note: 'kept' })], { doNothing: true }));
    expect((await read())[0]!.note).toBe('dented "chassis" \\ 凹陷');
    await connection.db.execute(
      insertJsonRows(lines, [row(first, { note: 'overwritten', position: 5 })], { overwriteOn: lines.id }),
    );
    expect((await read())[0]).toEqual(row(first, { note: 'overwritten', position: 5 }));
  });
});
