import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DatabaseConnection, openPglite } from '@aftersales/shared-persistence';
import { NATS_URL, uniqueName } from '@aftersales/shared-testing';
import { type EventBus, eventSubject } from './event-bus.js';
import { InProcessEventBus } from './in-process-event-bus.js';
import { JetStreamEventBus } from './jetstream-event-bus.js';

const service = 'ledger';
const subject = eventSubject(service, 'EntryPosted');
const message = (id: string) => ({ subject, id, data: { id } });

describe.each([
  [
    'JetStream',
    async () => {
      const bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace: uniqueName('seq') });
      return { bus, close: () => bus.close() };
    },
  ],
  [
    'the in-process bus',
    async () => {
      const connection: DatabaseConnection = await openPglite('memory://');
      const bus = await InProcessEventBus.open(connection);
      return { bus, close: async () => (await bus.close(), await connection.close()) };
    },
  ],
])('publish sequences on %s', (_, open) => {
  let bus: EventBus;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ bus, close } = await open());
    await bus.ensureStream({ service, eventTypes: ['EntryPosted'] });
    // The in-process bus numbers all its streams together: another stream's message must not count.
    await bus.ensureStream({ service: 'other', eventTypes: ['Noise'] });
  });

  afterAll(() => close());

  it('acknowledges each message with its place in the stream, and a duplicate with the first place', async () => {
    await expect(bus.lastSequence(service)).resolves.toBe(0);
    const first = await bus.publish(message('a'));
    await bus.publish({ subject: eventSubject('other', 'Noise'), id: 'noise', data: {} });
    const second = await bus.publish(message('b'));
    expect(first.duplicate).toBe(false);
    expect(second.sequence).toBeGreaterThan(first.sequence);
    await expect(bus.publish(message('a'))).resolves.toEqual({ duplicate: true, sequence: first.sequence });
    await expect(bus.lastSequence(service)).resolves.toBe(second.sequence);
  });

  it('stores a message only on top of the last sequence it expects, but still recognises a duplicate', async () => {
    const last = await bus.lastSequence(service);
    await expect(bus.publish(message('c'), { expectedLastSequence: last - 1 })).rejects.toThrow();
    await expect(bus.lastSequence(service)).resolves.toBe(last);
    const stored = await bus.publish(message('c'), { expectedLastSequence: last });
    expect(stored.duplicate).toBe(false);
    await expect(bus.publish(message('c'), { expectedLastSequence: last })).resolves.toEqual({
      duplicate: true,
      sequence: stored.sequence,
    });
  });
});
