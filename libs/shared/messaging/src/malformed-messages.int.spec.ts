import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createInbox, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { firstValueFrom } from 'rxjs';
import { NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { type Delivery, eventSubject, type RunningConsumer } from './event-bus/event-bus.js';
import { JetStreamEventBus } from './event-bus/jetstream-event-bus.js';
import { InProcessBroker, InProcessClient } from './in-process.js';
import { NatsClient, NatsServer } from './nats.js';

const notJson = ['not json', '{"unterminated": ', ''];
const wrongShapes = ['null', '[1, 2]', '"a string"', '{"wrong": "shape"}'];

@Controller()
class ShoutController {
  @MessagePattern('aftersales.echo.shout')
  shout(@Payload() payload: { text: string }) {
    return { shouted: payload.text.toUpperCase() };
  }
}

/** A listener as a service writes one: it trusts the notice's shape, so a wrong one makes it throw. */
function shoutingListener(heard: string[]) {
  return (data: unknown) => void heard.push((data as { text: string }).text.toUpperCase());
}

describe('a malformed message on NATS', () => {
  const namespace = uniqueName('malformed');
  const subject = (name: string) => `${namespace}.${name}`;
  /** A plain client of the server: it sends what no client of ours would. */
  let stranger: NatsConnection;
  let service: INestMicroservice;
  let client: NatsClient;
  const shout = (c: NatsClient, text: string) => firstValueFrom(c.send('aftersales.echo.shout', { text }));

  beforeAll(async () => {
    stranger = await connect({ servers: NATS_URL });
    service = await NestFactory.createMicroservice(
      { module: class ShoutModule {}, controllers: [ShoutController] },
      { strategy: new NatsServer({ url: NATS_URL, namespace }, 'echo'), logger: false },
    );
    await service.listen();
    client = new NatsClient({ url: NATS_URL, namespace });
  });

  afterAll(async () => {
    await client.close();
    await service.close();
    await stranger.close();
  });

  it('sent as a request is dropped, and the service goes on answering', async () => {
    for (const garbage of [
      ...notJson,
      ...wrongShapes,
      '{"id": "1", "pattern": "aftersales.echo.shout", "data": null}',
    ]) {
      stranger.publish(subject('aftersales.echo.shout'), garbage);
      stranger.publish(subject('aftersales.echo.shout'), garbage, { reply: createInbox() });
    }
    await stranger.flush();
    await expect(shout(client, 'still answered')).resolves.toEqual({ shouted: 'STILL ANSWERED' });
  });

  it('sent as a notice is dropped, and the listener goes on hearing notices and replies', async () => {
    const listener = new NatsClient({ url: NATS_URL, namespace });
    const heard: string[] = [];
    try {
      await listener.connect();
      const stop = listener.listen('aftersales.echo.noticed', shoutingListener(heard));
      // The subscription is made once the connection's promise settles; the flush then reaches the server.
      await new Promise(setImmediate);
      await listener.unwrap<NatsConnection>().flush();
      for (const garbage of [...notJson, ...wrongShapes])
        stranger.publish(subject('aftersales.echo.noticed'), garbage);
      await client.broadcast('aftersales.echo.noticed', { text: 'still heard' });
      await waitUntil('the notice sent after the garbage heard', () => heard.includes('STILL HEARD'), 5_000);
      expect(heard).toEqual(['STILL HEARD']);
      await expect(shout(listener, 'replies too')).resolves.toEqual({ shouted: 'REPLIES TOO' });
      stop();
    } finally {
      await listener.close();
    }
  });

  describe('on a JetStream consumer', () => {
    let bus: JetStreamEventBus;
    const consumers: RunningConsumer[] = [];
    const opened = eventSubject('shop', 'OrderOpened');

    beforeAll(async () => {
      bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace });
      await bus.ensureStream({ service: 'shop', eventTypes: ['OrderOpened'] });
    });

    afterAll(async () => {
      for (const consumer of consumers) await consumer.stop();
      await bus.close();
      const jsm = await jetstreamManager(stranger);
      for (const stream of [opened, 'aftersales.deadletter.any'])
        await jsm.streams.delete(await jsm.streams.find(subject(stream)));
    });

    it('is moved to the dead letters at once when it is not JSON, and the consumer goes on', async () => {
      const js = jetstream(stranger);
      await js.publish(subject(opened), 'not json', { msgID: 'garbage-1' });
      await js.publish(subject(opened), '{"wrong": "shape"}', { msgID: 'garbage-2' });
      await bus.publish({ subject: opened, id: 'order-1', data: { id: 'order-1' } });
      const received: string[] = [];
      const spec = {
        service: 'shop',
        durable: 'orders',
        filterSubject: opened,
        maxDeliver: 2,
        retryDelayMs: 20,
      };
      consumers.push(
        await bus.consume(spec, async (d) => {
          if (typeof (d.data as { id?: unknown }).id !== 'string') throw new Error('Not an order');
          received.push(d.id);
        }),
      );
      await waitUntil('the order behind the garbage consumed', () => received.includes('order-1'));

      const letters: Delivery[] = [];
      consumers.push(
        await bus.consume(
          { service: 'deadletter', durable: 'letters', filterSubject: 'aftersales.deadletter.orders' },
          async (d) => void letters.push(d),
        ),
      );
      await waitUntil('both dead letters read back', () => letters.length === 2);
      expect(letters.map((l) => l.data)).toEqual([
        {
          consumer: 'orders',
          message: { subject: opened, id: 'garbage-1', data: 'not json' },
          deliveries: 1,
          error: 'Not JSON',
        },
        {
          consumer: 'orders',
          message: { subject: opened, id: 'garbage-2', data: { wrong: 'shape' } },
          deliveries: 2,
          error: 'Error: Not an order',
        },
      ]);
      expect(received).toEqual(['order-1']);
    });
  });
});

describe('a notice a listener cannot read, in-process', () => {
  it('is dropped for that listener, while the others and the sender carry on', async () => {
    const broker = new InProcessBroker();
    const sender = new InProcessClient(broker);
    const trusting: string[] = [];
    const careful: unknown[] = [];
    broker.listen('aftersales.echo.noticed', shoutingListener(trusting));
    broker.listen('aftersales.echo.noticed', (data) => void careful.push(data));
    await expect(sender.broadcast('aftersales.echo.noticed', null)).resolves.toBeUndefined();
    await sender.broadcast('aftersales.echo.noticed', { text: 'still heard' });
    expect(careful).toEqual([null, { text: 'still heard' }]);
    expect(trusting).toEqual(['STILL HEARD']);
  });
});
