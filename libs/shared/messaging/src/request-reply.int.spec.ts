import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, type DynamicModule, Inject, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import {
  type CommandMetadata,
  message,
  NotFoundError,
  type ParsedRequestOf,
} from '@aftersales/contracts/common';
import { NATS_URL, uniqueName } from '@aftersales/shared-testing';
import { z } from 'zod';
import { Answers } from './answers.js';
import { BROADCASTS, type Broadcasts } from './broadcasts.js';
import { InProcessBroker, InProcessServer } from './in-process.js';
import { MessagingModule } from './messaging.module.js';
import { NatsServer } from './nats.js';
import { ServiceClient, ServiceError } from './service-client.js';

const echo = {
  announce: message(
    'aftersales.echo.announce',
    z.strictObject({ text: z.string() }),
    z.object({ announced: z.string() }),
  ),
  say: message(
    'aftersales.echo.say',
    z.strictObject({ text: z.string().min(1, { error: 'is required' }), at: z.iso.datetime() }),
    z.object({ said: z.string(), at: z.string(), heardFrom: z.string(), command: z.string() }),
  ),
  find: message('aftersales.echo.find', z.strictObject({ id: z.string() }), z.object({})),
};
const nobody = message('aftersales.nobody.ask', z.object({}), z.object({}));

const metadata: CommandMetadata = {
  actor: 'user:7',
  commandId: 'command-1',
  correlationId: 'correlation-1',
  causationId: 'cause-1',
  now: '2026-11-28T08:00:00.000Z',
};

@Controller()
class EchoMsController {
  constructor(@Inject(BROADCASTS) private readonly broadcasts: Broadcasts) {}

  @Answers(echo.announce)
  async announce(payload: ParsedRequestOf<typeof echo.announce>) {
    await this.broadcasts.broadcast('aftersales.echo.announced', payload);
    return { announced: payload.text };
  }

  @Answers(echo.say)
  say({ text, at }: ParsedRequestOf<typeof echo.say>, { actor, commandId }: CommandMetadata) {
    return { said: text, at, heardFrom: actor, command: commandId };
  }

  @Answers(echo.find)
  find({ id }: ParsedRequestOf<typeof echo.find>): never {
    throw new NotFoundError(`No echo ${id}`);
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

  it('answers with the handler reply, carried as JSON, with the metadata in headers beside the payload', async () => {
    const at = '2026-11-25T08:00:00.000Z';
    await expect(client.request(echo.say, { text: 'hello', at }, metadata)).resolves.toEqual({
      said: 'hello',
      at,
      heardFrom: 'user:7',
      command: 'command-1',
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
        await expect(client.request(echo.announce, { text }, metadata)).resolves.toEqual({
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

  it('refuses a request its contract does not take with a 400 naming each field', async () => {
    const failure = client.request(echo.say, { text: '', at: 'yesterday' }, metadata);
    await expect(failure).rejects.toBeInstanceOf(ServiceError);
    await expect(failure).rejects.toMatchObject({
      error: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid_input',
        message: 'text: is required; at: Invalid ISO datetime',
      },
    });
  });

  it('refuses metadata headers of the wrong form with a 400, before the handler runs', async () => {
    const forged = { ...metadata, actor: 'root', now: 'yesterday' };
    await expect(client.request(echo.say, { text: 'hi', at: metadata.now }, forged)).rejects.toMatchObject({
      error: {
        statusCode: 400,
        message:
          'metadata.actor: must be anonymous, user:<id>, api-key:<id> or service:<name>; ' +
          'metadata.now: Invalid ISO datetime',
      },
    });
  });

  it("maps the service's error class to the API's error shape", async () => {
    await expect(client.request(echo.find, { id: 'e-1' }, metadata)).rejects.toMatchObject({
      error: { statusCode: 404, error: 'Not Found', code: 'not_found', message: 'No echo e-1' },
    });
  });
});

describe('a subject no service answers', () => {
  it('is reported as the service being unavailable', async () => {
    const { client } = inProcess();
    const caller = await Test.createTestingModule({ imports: [client()] }).compile();
    try {
      await expect(caller.get(ServiceClient).request(nobody, {}, metadata)).rejects.toMatchObject({
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
        caller.get(ServiceClient).request(echo.say, { text: 'hi', at: metadata.now }, metadata),
      ).rejects.toMatchObject({
        error: { statusCode: 503, message: 'The echo service is unavailable' },
      });
    } finally {
      await caller.close();
      await service.close();
    }
  });
});
