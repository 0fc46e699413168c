import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Socket } from 'node:net';
import { Controller, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { NATS_URL, uniqueName } from '@aftersales/shared-testing';
import { NatsClient, NatsServer } from './nats.js';

const COUNT = 20;
const nextCallback = () => new Promise((resolve) => setImmediate(resolve));

/** Answers only once all the requests are in, each from a callback of its own, as database answers come. */
const arrivals = {
  count: 0,
  all: Promise.withResolvers<void>(),
  arrive() {
    if (++this.count === COUNT) this.all.resolve();
    return this.all.promise;
  },
};

@Controller()
class EchoController {
  @MessagePattern('aftersales.echo.turn')
  async echo(@Payload() { n }: { n: number }) {
    await arrivals.arrive();
    await nextCallback();
    return { n };
  }
}

describe('messages published in one turn of the event loop', () => {
  const namespace = uniqueName('turn');
  let service: INestMicroservice;
  let client: NatsClient;
  const writes = jest.spyOn(Socket.prototype, 'write');
  /** What every socket write of this process carried, as protocol text. */
  const written = () => writes.mock.calls.map(([chunk]) => Buffer.from(chunk as Uint8Array).toString());

  beforeAll(async () => {
    service = await NestFactory.createMicroservice(
      { module: class EchoModule {}, controllers: [EchoController] },
      { strategy: new NatsServer({ url: NATS_URL, namespace }, 'echo'), logger: false },
    );
    await service.listen();
    client = new NatsClient({ url: NATS_URL, namespace });
    await client.connect();
  });

  afterAll(async () => {
    writes.mockRestore();
    await client.close();
    await service.close();
  });

  it('leave in one socket write, though each was made in a callback of its own', async () => {
    writes.mockClear();
    const replies = Array.from(
      { length: COUNT },
      (_, n) =>
        new Promise((resolve, reject) =>
          setImmediate(() =>
            firstValueFrom(client.send('aftersales.echo.turn', { n })).then(resolve, reject),
          ),
        ),
    );
    await expect(Promise.all(replies)).resolves.toEqual(Array.from({ length: COUNT }, (_, n) => ({ n })));
    const requests = written().filter((text) => text.includes(`PUB ${namespace}.aftersales.echo.turn `));
    const answers = written().filter((text) => /(^|\n)H?PUB _INBOX\./.test(text));
    expect(requests.map((text) => text.split(`${namespace}.aftersales.echo.turn`).length - 1)).toEqual([
      COUNT,
    ]);
    expect(answers.map((text) => text.match(/(^|\n)H?PUB _INBOX\./g)?.length)).toEqual([COUNT]);
  });
});
