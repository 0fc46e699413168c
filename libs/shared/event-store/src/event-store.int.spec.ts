import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DatabaseConnection } from '@aftersales/shared-persistence';
import { waitForSnapshotHorizon } from '@aftersales/shared-testing';
import { backends, event, TEST_SCHEMA } from '../test/fixtures.js';
import { ConcurrencyError } from '@aftersales/contracts/common';
import { DuplicateEventError, START } from './envelope.js';
import { EventStore } from './event-store.js';

describe.each(backends)('event store on %s', (_, open) => {
  let connection: DatabaseConnection;
  let store: EventStore;

  beforeAll(async () => {
    connection = await open();
    store = new EventStore(connection.db, TEST_SCHEMA);
  });

  afterAll(() => connection.close());

  it('starts a stream only when it does not exist yet', async () => {
    await expect(store.append('order-1', [event('Opened')], 'no_stream')).resolves.toMatchObject({
      nextVersion: 1,
    });
    await expect(store.append('order-1', [event('Opened')], 'no_stream')).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });

  it('appends after the version the caller decided on, and refuses a stale one, writing nothing', async () => {
    await store.append('order-2', [event('Opened')], 'no_stream');
    await expect(store.append('order-2', [event('Submitted')], 1)).resolves.toMatchObject({ nextVersion: 2 });
    const stale = store.append('order-2', [event('Cancelled')], 1);
    await expect(stale).rejects.toThrow(new ConcurrencyError('order-2', 1, 2));
    await expect(store.append('order-2', [event('Cancelled')], 5)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('order-2')).map((e) => e.type)).toEqual(['Opened', 'Submitted']);
    await expect(store.streamVersion('order-2')).resolves.toBe(2);
  });

  it('appends anywhere with `any`, also to a new stream', async () => {
    await store.append('order-3', [event('Opened')], 'any');
    const appended = await store.append('order-3', [event('Noted'), event('Noted')], 'any');
    expect(appended.nextVersion).toBe(3);
    // What the append hands to inline projections is what a reader of the stream gets.
    expect(appended.recorded).toEqual((await store.readStream('order-3')).slice(1));
  });

  it('appends a batch atomically: one stored event id fails the whole batch', async () => {
    const stored = event('Opened');
    await store.append('order-4', [stored], 'no_stream');
    const batch = [event('Received'), event('Received', {}, stored.eventId), event('Repairing')];
    await expect(store.append('order-4', batch, 1)).rejects.toBeInstanceOf(DuplicateEventError);
    expect(await store.readStream('order-4')).toHaveLength(1);
    await expect(store.streamVersion('order-4')).resolves.toBe(1);
  });

  it('reads a stream in order, with versions, ids, data and metadata as appended', async () => {
    const opened = event('Opened', { sn: 'ZH10014510045', lines: [1, 2] });
    const submitted = event('Submitted', { carrier: 'SF' });
    await store.append('order-5', [opened, submitted], 'no_stream');
    const read = await store.readStream('order-5');
    expect(read.map(({ globalPosition: _, ...e }) => e)).toEqual([
      { ...opened, streamId: 'order-5', version: 1 },
      { ...submitted, streamId: 'order-5', version: 2 },
    ]);
    expect((await store.readStream('order-5', 2)).map((e) => e.type)).toEqual(['Submitted']);
  });

  it('loads a stream as a command folds it: each event’s version, type, data and the command that appended it', async () => {
    const by = (commandId: string, type: string, data: unknown) => {
      const appended = event(type, data);
      return { ...appended, metadata: { ...appended.metadata, commandId } };
    };
    await store.append('order-6', [by('open-1', 'Opened', { sn: 'ZH10014510045' })], 'no_stream');
    await store.append(
      'order-6',
      [by('receive-1', 'Received', { lines: [1] }), by('receive-1', 'Noted', {})],
      1,
    );
    expect(await store.loadStream('order-6')).toEqual([
      { version: 1, type: 'Opened', data: { sn: 'ZH10014510045' }, commandId: 'open-1' },
      { version: 2, type: 'Received', data: { lines: [1] }, commandId: 'receive-1' },
      { version: 3, type: 'Noted', data: {}, commandId: 'receive-1' },
    ]);
    expect(await store.loadStream('order-none')).toEqual([]);
  });

  it('reads all events forward from a global position, in append order', async () => {
    await waitForSnapshotHorizon(connection.db);
    const all = await store.readAll(START, 1_000);
    const streamOrder = all.filter((e) => e.streamId === 'order-5').map((e) => e.type);
    expect(streamOrder).toEqual(['Opened', 'Submitted']);
    const rest = await store.readAll(all[1]!.globalPosition, 1_000);
    expect(rest).toEqual(all.slice(2));
    expect(await store.readAll(all.at(-1)!.globalPosition)).toEqual([]);
  });
});
