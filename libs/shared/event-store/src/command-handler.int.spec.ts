import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  ConcurrencyError,
  ConflictError,
  type CommandMetadata,
  toApiError,
} from '@aftersales/contracts/common';
import type { Command, Decider } from '@aftersales/shared-decider';
import { type DatabaseConnection, rowsOf } from '@aftersales/shared-persistence';
import { backends, TEST_SCHEMA } from '../test/fixtures.js';
import { readSummaries } from '../test/stream-summary.projection.js';
import { CommandHandler } from './command-handler.js';
import { EventStore } from './event-store.js';
import type { Projection } from './projection.js';

type Event = { type: 'TicketOpened'; data: { by: string } } | { type: 'NoteAdded'; data: { text: string } };
type AddNote = Command<'AddNote', { text: string }>;
type State = { notes: string[] };

/** A toy decider: the first note opens the ticket; a note that is there already is refused. */
const ticket: Decider<AddNote, Event, State> = {
  initialState: { notes: [] },
  decide: (command, state) => {
    if (state.notes.includes(command.data.text)) {
      throw new ConflictError(`The note ${command.data.text} is there already`);
    }
    return [
      ...(state.notes.length === 0
        ? [{ type: 'TicketOpened' as const, data: { by: command.metadata.actor } }]
        : []),
      { type: 'NoteAdded', data: { text: command.data.text } },
    ];
  },
  evolve: (state, event) =>
    event.type === 'NoteAdded' ? { notes: [...state.notes, event.data.text] } : state,
};

function addNote(text: string, commandId: string = randomUUID()): AddNote {
  const metadata: CommandMetadata = {
    actor: 'user:customer-1',
    commandId,
    correlationId: commandId,
    causationId: commandId,
    now: '2026-11-28T08:00:00.000Z',
  };
  return { type: 'AddNote', data: { text }, metadata };
}

/** The stream-summary read model of the fixtures, kept inline; it refuses a note that says "refuse". */
const inlineSummaries: Projection = {
  name: 'inline_summaries',
  canHandle: ['TicketOpened', 'NoteAdded'],
  async evolve(event, tx) {
    if ((event.data as { text?: string }).text === 'refuse') throw new Error('the read model refused');
    await tx.execute(sql`
      insert into es_test.stream_summaries (stream_id, event_count, last_type)
      values (${event.streamId}, 1, ${event.type})
      on conflict (stream_id) do update
        set event_count = es_test.stream_summaries.event_count + 1, last_type = excluded.last_type`);
  },
  async reset(tx) {
    await tx.execute(sql`delete from es_test.stream_summaries`);
  },
};

describe.each(backends)('command handler on %s', (_, open) => {
  let connection: DatabaseConnection;
  let store: EventStore;
  let handler: CommandHandler<AddNote, Event, State>;

  beforeAll(async () => {
    connection = await open();
    store = new EventStore(connection.db, TEST_SCHEMA);
    handler = new CommandHandler(store, ticket);
  });

  afterAll(() => connection.close());

  const types = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.type);

  it('loads, decides and appends, returning the new state and version, with the metadata on each event', async () => {
    await handler.handle('ticket-1', addNote('fan noise'));
    const result = await handler.handle('ticket-1', addNote('photo sent', 'command-1b'));
    expect(result).toEqual({
      events: [{ type: 'NoteAdded', data: { text: 'photo sent' } }],
      state: { notes: ['fan noise', 'photo sent'] },
      version: 3,
      replayed: false,
    });
    const [, , added] = await store.readStream('ticket-1');
    expect(added!.metadata).toEqual({
      commandId: 'command-1b',
      correlationId: 'command-1b',
      causationId: 'command-1b',
      actor: 'user:customer-1',
      timestamp: '2026-11-28T08:00:00.000Z',
    });
  });

  it('refuses with 412 and the current version when the caller read an older version (If-Match)', async () => {
    await handler.handle('ticket-2', addNote('a'));
    await handler.handle('ticket-2', addNote('b'));
    const stale = handler.handle('ticket-2', addNote('c'), { expectedVersion: 2 });
    await expect(stale).rejects.toThrow(ConcurrencyError);
    const error = (await stale.catch((e: unknown) => e)) as ConcurrencyError;
    expect(toApiError(error)).toMatchObject({ statusCode: 412, details: { currentVersion: 3 } });
    expect(await types('ticket-2')).toEqual(['TicketOpened', 'NoteAdded', 'NoteAdded']);
    await expect(handler.handle('ticket-2', addNote('c'), { expectedVersion: 3 })).resolves.toMatchObject({
      version: 4,
    });
  });

  /** A store on which another writer appends right after the handler's first read: the race, every time. */
  function racedStore(note = 'from the other writer'): EventStore {
    let raced = false;
    const racing = new EventStore(connection.db, TEST_SCHEMA);
    const loadStream = racing.loadStream.bind(racing);
    racing.loadStream = (async (streamId: string) => {
      const history = await loadStream(streamId);
      if (!raced) {
        raced = true;
        await handler.handle(streamId, addNote(note));
      }
      return history;
    }) as EventStore['loadStream'];
    return racing;
  }

  it('does not decide again when another writer appended first: the caller gets a 409 and nothing is appended', async () => {
    await handler.handle('ticket-3', addNote('first'));
    const raced = new CommandHandler(racedStore(), ticket);
    const refused = await raced.handle('ticket-3', addNote('late')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConcurrencyError);
    expect(toApiError(refused as ConcurrencyError)).toMatchObject({
      statusCode: 409,
      details: { currentVersion: 3 },
    });
    expect((await store.readStream('ticket-3')).map((e) => e.data)).toEqual([
      { by: 'user:customer-1' },
      { text: 'first' },
      { text: 'from the other writer' },
    ]);
  });

  it('gives the refusal the newer state earns, when the other writer made the command wrong', async () => {
    await handler.handle('ticket-10', addNote('first'));
    const raced = new CommandHandler(racedStore('photo sent'), ticket);
    await expect(raced.handle('ticket-10', addNote('photo sent'))).rejects.toThrow(
      new ConflictError('The note photo sent is there already'),
    );
    expect((await store.readStream('ticket-10')).map((e) => e.type)).toEqual([
      'TicketOpened',
      'NoteAdded',
      'NoteAdded',
    ]);
  });

  it('decides again on the newer state when the command says it may', async () => {
    await handler.handle('ticket-4', addNote('first'));
    const raced = new CommandHandler(racedStore(), ticket);
    const result = await raced.handle('ticket-4', addNote('late'), { retryOnConflict: true });
    expect(result.state).toEqual({ notes: ['first', 'from the other writer', 'late'] });
    expect(result.version).toBe(4);
  });

  it('answers a retried command with its first result and appends nothing', async () => {
    const first = await handler.handle('ticket-5', addNote('fan noise', 'command-5'));
    await handler.handle('ticket-5', addNote('later note'));
    const retried = await handler.handle('ticket-5', addNote('fan noise', 'command-5'));
    expect(retried).toEqual({ ...first, replayed: true });
    expect(await types('ticket-5')).toEqual(['TicketOpened', 'NoteAdded', 'NoteAdded']);
  });

  it('appends a command sent twice at once only once, and both callers get its result', async () => {
    const [a, b] = await Promise.all([
      handler.handle('ticket-6', addNote('x', 'command-6')),
      handler.handle('ticket-6', addNote('x', 'command-6')),
    ]);
    expect(a!.events).toEqual(b!.events);
    expect(a!.version).toBe(2);
    expect(b!.version).toBe(2);
    expect(await types('ticket-6')).toEqual(['TicketOpened', 'NoteAdded']);
  });

  it('refuses a command id already used for another object, and appends nothing there', async () => {
    await handler.handle('ticket-7', addNote('x', 'command-7'));
    await expect(handler.handle('ticket-8', addNote('x', 'command-7'))).rejects.toThrow(ConflictError);
    expect(await types('ticket-8')).toEqual([]);
  });

  it('keeps inline read models in the append transaction: both or neither', async () => {
    const inline = new CommandHandler(store, ticket, [inlineSummaries]);
    await inline.handle('ticket-9', addNote('fan noise'));
    expect(await readSummaries(connection.db)).toContainEqual({
      stream_id: 'ticket-9',
      event_count: 2,
      last_type: 'NoteAdded',
    });
    await expect(inline.handle('ticket-9', addNote('refuse'))).rejects.toThrow('the read model refused');
    expect(await types('ticket-9')).toEqual(['TicketOpened', 'NoteAdded']);
    const outbox = rowsOf<{ n: number }>(
      await connection.db.execute(sql`
        select count(*)::int as n from es_test.outbox o join es_test.events e using (position)
        where e.stream_id = 'ticket-9'`),
    );
    expect(outbox[0]!.n).toBe(2);
  });
});
