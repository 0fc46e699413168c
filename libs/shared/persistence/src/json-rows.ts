import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

/** What a write of rows does with a row whose key is taken already. */
export type OnConflict = { doNothing: true } | { overwriteOn: PgColumn };

/**
 * Writes many rows in one statement that takes them as one JSON parameter (`jsonb_to_recordset`). Drizzle's
 * multi-row insert builds and maps a parameter per value; for the batches a projection rebuild writes (a
 * thousand rows at a time) that cost more CPU than the database spent on the rows. Each row gives every
 * column: one it leaves out is written as NULL, not as the column's default.
 */
export function insertJsonRows<T extends PgTable>(
  table: T,
  rows: readonly T['$inferInsert'][],
  onConflict: OnConflict,
): SQL {
  const { name, schema } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const json = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null]),
    ),
  );
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const types = sql.raw(columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '));
  const conflict =
    'doNothing' in onConflict
      ? sql`on conflict do nothing`
      : sql`on conflict (${sql.identifier(onConflict.overwriteOn.name)}) do update set ${sql.join(
          columns
            .filter(([, column]) => column.name !== onConflict.overwriteOn.name)
            .map(
              ([, column]) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`,
            ),
          sql`, `,
        )}`;
  const target = schema ? sql`${sql.identifier(schema)}.${sql.identifier(name)}` : sql.identifier(name);
  return sql`insert into ${target} (${names})
    select ${names} from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as rows(${types})
    ${conflict}`;
}
