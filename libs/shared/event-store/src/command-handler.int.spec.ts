import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Decider } from '@aftersales/shared-decider';
import type { DatabaseConnection } from '@aftersales/shared-persistence';
import { backends, TEST_SCHEMA } from '../test/fixtures.js';
import { CommandHandler } from './command-handler.js';
import { ConcurrencyError, DuplicateEventError } from './envelope.js';
import { EventStore } from './event-store.js';

type Event = { type: 'TicketOpened'; data: { by: string } } | { type: 'NoteAdded'; data: { text: string } };
type Command = { type: 'AddNote'; text: string };
type State = { notes: string[] };

/** A toy decider: the first note opens the ticket. */
const ticket: Decider<Command, Event, State> = {
  initialState: { notes: [] },
  decide: (command, state) => [
    ...(state.notes.length === 0 ? [{ type: 'TicketOpened' as const, data: { by: 'customer' } }] : []),
    { type: 'NoteAdded', data: { text: command.text } },
  ],
  evolve: (state, event) =>
    event.type === 'NoteAdded' ? { notes: [...state.notes, event.data.text] } : state,
};

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: 'user:test',
  timestamp: '2026-11-25T08:00:00.000Z',
};

describe.each(backends)('command handler on %s', (_, open) => {
  let connection: DatabaseConnection;
  let store: EventStore;

  beforeAll(async () => {
    connection = await open();
    store = new EventStore(connection.db, TEST_SCHEMA);
  });

  afterAll(() => connection.close());

  it('loads, decides and appends, returning the new state and version', async () => {
    const handler = new CommandHandler(store, ticket);
    await handler.handle('ticket-1', { type: 'AddNote', text: 'fan noise' }, { metadata });
    const result = await handler.handle('ticket-1', { type: 'AddNote', text: 'photo sent' }, { metadata });
    expect(result).toEqual({
      events: [{ type: 'NoteAdded', data: { text: 'photo sent' } }],
      state: { notes: ['fan noise', 'photo sent'] },
      version: 3,
    });
  });

  it('decides again on the new state when another writer appended first', async () => {
    const handler = new CommandHandler(store, ticket);
    const results = await Promise.all(
      ['a', 'b', 'c'].map((text) => handler.handle('ticket-2', { type: 'AddNote', text }, { metadata })),
    );
    const stored = await store.readStream('ticket-2');
    expect(stored.map((e) => e.type)).toEqual(['TicketOpened', 'NoteAdded', 'NoteAdded', 'NoteAdded']);
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4]);
  });

  it('gives the conflict to the caller once its attempts are used up', async () => {
    const handler = new CommandHandler(store, ticket, 1);
    const outcomes = await Promise.allSettled(
      ['a', 'b'].map((text) => handler.handle('ticket-3', { type: 'AddNote', text }, { metadata })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
  });

  it('recognises a retried command by its derived event ids', async () => {
    const handler = new CommandHandler(store, ticket);
    const context = { metadata, eventIds: (i: number) => `00000000-0000-4000-8000-00000000000${i}` };
    await handler.handle('ticket-4', { type: 'AddNote', text: 'x' }, context);
    await expect(handler.handle('ticket-5', { type: 'AddNote', text: 'x' }, context)).rejects.toBeInstanceOf(
      DuplicateEventError,
    );
    expect(await store.readStream('ticket-5')).toEqual([]);
  });
});
