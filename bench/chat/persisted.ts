import pg from 'pg';

export interface Persisted {
  sent: number;
  /** Sent messages with exactly one `MessagePosted` event in the consultation service's event store. */
  stored: number;
  missing: number;
  /** Sent messages stored more than once. */
  duplicated: number;
}

/** The consultation service's events table: every posted message is a `MessagePosted` event in it. */
const POSTED_SQL = `select data->>'messageId' as id, count(*)::int as n from consultation.events
  where type = 'MessagePosted' group by 1`;

/**
 * Looks every message the benchmark posted up in the event store, the consultation service's source of truth
 * (the chat history and the sockets are fed from it): each must be there exactly once.
 */
export async function checkPersisted(databaseUrl: string, messageIds: string[]): Promise<Persisted> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; n: number }>(POSTED_SQL);
    const stored = new Map(rows.map(({ id, n }) => [id, n]));
    const counts = messageIds.map((id) => stored.get(id) ?? 0);
    return {
      sent: messageIds.length,
      stored: counts.filter((n) => n === 1).length,
      missing: counts.filter((n) => n === 0).length,
      duplicated: counts.filter((n) => n > 1).length,
    };
  } finally {
    await client.end();
  }
}
