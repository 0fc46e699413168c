import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { event as eventContract } from '@aftersales/contracts/common';
import type { Command, Decider } from '@aftersales/shared-decider';
import {
  EventBusModule,
  eventSubject,
  JetStreamEventBus,
  PermanentDeliveryError,
} from '@aftersales/shared-messaging';
import {
  DATABASE_CONNECTION,
  type DatabaseConnection,
  openPglite,
  openPostgres,
  PersistenceModule,
} from '@aftersales/shared-persistence';
import { createTestDatabase, NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { z } from 'zod';
import { migrations, TEST_SCHEMA } from '../test/fixtures.js';
import {
  eventApplications,
  readApplications,
  readSummaries,
  streamSummaries,
} from '../test/stream-summary.projection.js';
import { CommandHandler } from './command-handler.js';
import { consumerHandler, MalformedEventError } from './consumer.js';
import { EVENT_STORE, EventSourcedServiceModule } from './event-sourced-service.module.js';
import { EventStore } from './event-store.js';

const opened = eventContract(TEST_SCHEMA, 'Opened', 1, z.object({ note: z.string() }));
const noted = eventContract(TEST_SCHEMA, 'Noted', 1, z.object({ note: z.string() }));

type Event = { type: 'Opened' | 'Noted'; data: { note: string } };
type AddNote = Command<'AddNote', { note: string }>;

/** A ticket whose first note opens it. */
const ticket: Decider<AddNote, Event, { opened: boolean }> = {
  initialState: { opened: false },
  decide: ({ data }, state) => [{ type: state.opened ? 'Noted' : 'Opened', data }],
  evolve: () => ({ opened: true }),
};

function addNote(note: string): AddNote {
  const id = randomUUID();
  return {
    type: 'AddNote',
    data: { note },
    metadata: {
      actor: 'user:1',
      commandId: id,
      correlationId: id,
      causationId: id,
      now: new Date().toISOString(),
    },
  };
}

/** A service built the one way: its store, outbox, a projection and a consumer of its own events. */
function toyService(open: () => Promise<DatabaseConnection>, bus: DynamicModule) {
  @Module({
    imports: [
      EventSourcedServiceModule.register({
        service: TEST_SCHEMA,
        migrations,
        publishes: [opened, noted],
        projections: [streamSummaries],
        consumers: [
          {
            name: 'applications',
            from: TEST_SCHEMA,
            events: [opened, noted],
            handle: eventApplications.evolve,
          },
        ],
      }),
    ],
  })
  class ToyModule {}

  @Module({ imports: [PersistenceModule.forRoot(open), bus, ToyModule] })
  class ToyApp {}

  return NestFactory.createApplicationContext(ToyApp, { logger: false });
}

describe.each([
  [
    'PostgreSQL and JetStream',
    async () => {
      const url = await createTestDatabase('kit');
      const namespace = uniqueName('kit');
      return () =>
        toyService(() => openPostgres(url), EventBusModule.jetStream({ url: NATS_URL, namespace }));
    },
  ],
  [
    'PGlite and the in-process bus',
    async () => {
      const dataDir = `memory://${randomUUID()}`;
      return () => toyService(() => openPglite(dataDir), EventBusModule.inProcess());
    },
  ],
])('an event-sourced service on %s', (_, setUp) => {
  let app: INestApplicationContext | undefined;

  afterEach(async () => {
    await app?.close();
  });

  it('keeps its projection and its consumers behind its commands, each event applied once', async () => {
    app = await (await setUp())();
    const store = app.get<EventStore>(EVENT_STORE, { strict: false });
    const db = app.get<DatabaseConnection>(DATABASE_CONNECTION).db;
    const handler = new CommandHandler(store, ticket);
    for (let i = 0; i < 20; i++) await handler.handle(`ticket-${i % 4}`, addNote(`note ${i}`));

    await waitUntil(
      'the projection applied all 20 events',
      async () =>
        (await readSummaries(db)).reduce<number>(
          (sum, row) => sum + (row as { event_count: number }).event_count,
          0,
        ) === 20,
    );
    expect(await readSummaries(db)).toEqual(
      [0, 1, 2, 3].map((i) => ({ stream_id: `ticket-${i}`, event_count: 5, last_type: 'Noted' })),
    );
    await waitUntil(
      'the consumer applied all 20 events',
      async () => (await readApplications(db)).size === 20,
    );
    expect([...(await readApplications(db)).values()].every((applications) => applications === 1)).toBe(true);
    // Each published event is stored under the version of its contract, which consumers check.
    const [first] = await store.readStream('ticket-0');
    expect(first!.metadata.schemaVersion).toBe(1);
  });
});

describe('a consumer', () => {
  it('refuses an event that breaks its contract (data or version) for good, so it goes to the dead letters at once and not into the read model', async () => {
    const connection = await openPglite('memory://');
    try {
      await connection.migrate(migrations);
      const handle = consumerHandler(new EventStore(connection.db, TEST_SCHEMA), {
        name: 'applications',
        from: TEST_SCHEMA,
        events: [opened],
        handle: eventApplications.evolve,
      });
      const deliver = (data: unknown, schemaVersion: number) => {
        const event = { type: 'Opened', eventId: randomUUID(), data, metadata: { schemaVersion } };
        return handle({
          subject: 'aftersales.es_test.Opened',
          id: event.eventId,
          data: event,
          deliveryCount: 1,
        });
      };
      const wrongData = deliver({ note: 42 }, 1);
      await expect(wrongData).rejects.toThrow(MalformedEventError);
      await expect(wrongData).rejects.toBeInstanceOf(PermanentDeliveryError);
      await expect(deliver({ note: 'fan noise' }, 2)).rejects.toThrow(
        /^Opened [0-9a-f-]{36} is of version 2; this consumer reads version 1$/,
      );
      expect((await readApplications(connection.db)).size).toBe(0);
      await deliver({ note: 'fan noise' }, 1);
      expect((await readApplications(connection.db)).size).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('runs afterCommit on every delivery, once the effect is visible outside its transaction', async () => {
    const connection = await openPglite('memory://');
    try {
      await connection.migrate(migrations);
      const seen: number[] = [];
      const handle = consumerHandler(new EventStore(connection.db, TEST_SCHEMA), {
        name: 'applications',
        from: TEST_SCHEMA,
        events: [opened],
        handle: eventApplications.evolve,
        afterCommit: async (event) => {
          seen.push((await readApplications(connection.db)).get(event.eventId) ?? 0);
        },
      });
      const event = {
        type: 'Opened',
        eventId: randomUUID(),
        data: { note: 'x' },
        metadata: { schemaVersion: 1 },
      };
      const delivery = {
        subject: 'aftersales.es_test.Opened',
        id: event.eventId,
        data: event,
        deliveryCount: 1,
      };
      await handle(delivery);
      await handle({ ...delivery, deliveryCount: 2 });
      expect(seen).toEqual([1, 1]);
    } finally {
      await connection.close();
    }
  });
});

describe('a consumer of a service that starts later', () => {
  it('attaches once the publishing service made its stream, and gets its events from the first', async () => {
    const namespace = uniqueName('kit');
    const url = await createTestDatabase('kit');
    const later = eventContract('es_later', 'Opened', 1, z.object({ note: z.string() }));
    @Module({
      imports: [
        EventSourcedServiceModule.register({
          service: TEST_SCHEMA,
          migrations,
          publishes: [opened, noted],
          consumers: [{ name: 'later', from: 'es_later', events: [later], handle: eventApplications.evolve }],
        }),
      ],
    })
    class ConsumingModule {}
    @Module({
      imports: [
        PersistenceModule.forRoot(() => openPostgres(url)),
        EventBusModule.jetStream({ url: NATS_URL, namespace }),
        ConsumingModule,
      ],
    })
    class ConsumingApp {}
    const app = await NestFactory.createApplicationContext(ConsumingApp, { logger: false });
    const publisher = await JetStreamEventBus.connect({ url: NATS_URL, namespace });
    try {
      await app.init();
      await publisher.ensureStream({ service: 'es_later', eventTypes: ['Opened'] });
      const eventId = randomUUID();
      await publisher.publish({
        subject: eventSubject('es_later', 'Opened'),
        id: eventId,
        data: { type: 'Opened', eventId, data: { note: 'late' }, metadata: { schemaVersion: 1 } },
      });
      const db = app.get<DatabaseConnection>(DATABASE_CONNECTION).db;
      await waitUntil('the late stream’s event was consumed', async () =>
        (await readApplications(db)).has(eventId),
      );
    } finally {
      await publisher.close();
      await app.close();
    }
  });
});
