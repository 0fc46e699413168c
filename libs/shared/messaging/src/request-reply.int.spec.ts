import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, type DynamicModule, Inject, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type CustomTransportStrategy, MessagePattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { apiError } from '@aftersales/contracts/common';
import { NATS_URL, uniqueName } from '@aftersales/shared-testing';
import { BROADCASTS, type Broadcasts } from './broadcasts.js';
import { InProcessBroker, InProcessServer } from './in-process.js';
import { MessagingModule } from './messaging.module.js';
import { NatsServer } from './nats.js';
import { RpcError } from './rpc-error.js';
import { ServiceClient, ServiceError } from './service-client.js';

@Controller()
class EchoMsController {
  constructor(@Inject(BROADCASTS) private readonly broadcasts: Broadcasts) {}

  @MessagePattern('aftersales.echo.announce')
  async announce(@Payload() payload: { text: string }) {
    await this.broadcasts.broadcast('aftersales.echo.announced', payload);
    return { announced: payload.text };
  }

  @MessagePattern('aftersales.echo.say')
  say(@Payload() payload: { text: string; at: string }) {
    if (!payload.text) throw new RpcError(apiError(400, 'text: is required'));
    return { said: payload.text, at: payload.at };
  }
}

function echoModule(messaging: DynamicModule): DynamicModule {
  return { module: class EchoModule {}, imports: [messaging], controllers: [EchoMsController] };
}

interface Transport {
  server: () => CustomTransportStrategy;
  client: () => DynamicModule;
}

function inProcess(): Transport {
  const broker = new InProcessBroker();
  return { server: () => new InProcessServer(broker), client: () => MessagingModule.inProcess(broker) };
}

function nats(): Transport {
  const namespace = uniqueName('echo');
  return {
    server: () => new NatsServer({ url: NATS_URL, namespace }, 'echo'),
    client: () => MessagingModule.nats({ url: NATS_URL, namespace }),
  };
}

describe.each([
  ['in-process', inProcess],
  ['NATS', nats],
])('request/reply over the %s transport', (_, transport) => {
  let service: INestMicroservice;
  let client: ServiceClient;
  let broadcasts: Broadcasts;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const { server, client: clientModule } = transport();
    service = await NestFactory.createMicroservice(echoModule(clientModule()), {
      strategy: server(),
      logger: false,
    });
    await service.listen();
    const caller = await Test.createTestingModule({ imports: [clientModule()] }).compile();
    await caller.init();
    client = caller.get(ServiceClient);
    broadcasts = caller.get(BROADCASTS);
    close = async () => {
      await caller.close();
      await service.close();
    };
  });

  afterAll(() => close());

  it('answers with the handler reply, carried as JSON', async () => {
    const at = new Date('2026-11-25T08:00:00Z');
    await expect(client.request('aftersales.echo.say', { text: 'hello', at })).resolves.toEqual({
      said: 'hello',
      at: '2026-11-25T08:00:00.000Z',
    });
  });

  it('delivers a notice to every listener before the reply of the request that sent it', async () => {
    const heard: { listener: number; text: string }[] = [];
    const stops = [1, 2].map((listener) =>
      broadcasts.listen('aftersales.echo.announced', (data) =>
        heard.push({ listener, text: (data as { text: string }).text }),
      ),
    );
    try {
      for (const text of ['first', 'second', 'third']) {
        await expect(client.request('aftersales.echo.announce', { text })).resolves.toEqual({
          announced: text,
        });
        // Every listener has it by now; in which order they heard it is not promised.
        expect(
          heard
            .filter((h) => h.text === text)
            .map((h) => h.listener)
            .sort(),
        ).toEqual([1, 2]);
      }
    } finally {
      stops.forEach((stop) => stop());
    }
  });

  it("hands the service's error to the caller in the API's error shape", async () => {
    const failure = client.request('aftersales.echo.say', { text: '' });
    await expect(failure).rejects.toBeInstanceOf(ServiceError);
    await expect(failure).rejects.toMatchObject({
      error: { statusCode: 400, error: 'Bad Request', message: 'text: is required' },
    });
  });
});

describe('a subject no service answers', () => {
  it('is reported as the service being unavailable', async () => {
    const { client } = inProcess();
    const caller = await Test.createTestingModule({ imports: [client()] }).compile();
    try {
      await expect(caller.get(ServiceClient).request('aftersales.nobody.ask', {})).rejects.toMatchObject({
        error: { statusCode: 503, message: 'The nobody service is unavailable' },
      });
    } finally {
      await caller.close();
    }
  });

  it('on NATS, is not answered by the same service in another namespace', async () => {
    const other = nats();
    const service = await NestFactory.createMicroservice(echoModule(other.client()), {
      strategy: other.server(),
      logger: false,
    });
    await service.listen();
    const caller = await Test.createTestingModule({ imports: [nats().client()] }).compile();
    try {
      await caller.init();
      await expect(
        caller.get(ServiceClient).request('aftersales.echo.say', { text: 'hi' }),
      ).rejects.toMatchObject({
        error: { statusCode: 503, message: 'The echo service is unavailable' },
      });
    } finally {
      await caller.close();
      await service.close();
    }
  });
});
