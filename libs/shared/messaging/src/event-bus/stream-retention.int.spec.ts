import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { NATS_URL, uniqueName } from '@aftersales/shared-testing';
import { JetStreamEventBus } from './jetstream-event-bus.js';

const DAY_NS = 24 * 60 * 60 * 1e9;

describe('the JetStream streams', () => {
  const namespace = uniqueName('retention');
  let bus: JetStreamEventBus;
  let connection: NatsConnection;

  beforeAll(async () => {
    bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace });
    await bus.ensureStream({ service: 'ledger', eventTypes: ['EntryPosted'] });
    connection = await connect({ servers: NATS_URL });
  });

  afterAll(async () => {
    await bus?.close();
    await connection?.close();
  });

  it('keep events a year and dead letters a month, in stated counts, instead of the unlimited defaults', async () => {
    const jsm = await jetstreamManager(connection);
    const prefix = namespace.toUpperCase();
    const events = (await jsm.streams.info(`${prefix}_AFTERSALES_LEDGER`)).config;
    expect({
      maxAgeDays: events.max_age / DAY_NS,
      maxMessages: events.max_msgs,
      maxMessageBytes: events.max_msg_size,
      discard: events.discard,
      replicas: events.num_replicas,
    }).toEqual({
      maxAgeDays: 365,
      maxMessages: 50_000_000,
      maxMessageBytes: 2 ** 20,
      discard: 'old',
      replicas: 1,
    });
    const deadLetters = (await jsm.streams.info(`${prefix}_AFTERSALES_DEADLETTER`)).config;
    expect({ maxAgeDays: deadLetters.max_age / DAY_NS, maxMessages: deadLetters.max_msgs }).toEqual({
      maxAgeDays: 30,
      maxMessages: 1_000_000,
    });
  });
});
