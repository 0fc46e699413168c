import { describe, expect, it } from '@jest/globals';
import type { ContextType } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { MessagePattern } from '@nestjs/microservices';
import { SubscribeMessage } from '@nestjs/websockets';
import { message } from '@aftersales/contracts/common';
import { Answers, RpcError } from '@aftersales/shared-messaging';
import { z } from 'zod';
import { AccessGuard } from './access.guard.js';
import type { Authenticator } from './authenticator.js';
import type { Ownership } from './ownership.js';

const declared = message('aftersales.test.declared', z.object({}), z.object({}));

/** Handlers of a service module and of a socket, as they share the gateway's application in the embedded mode. */
class Handlers {
  @Answers(declared)
  answer() {
    return {};
  }

  @MessagePattern('aftersales.test.undeclared')
  sneak() {
    return {};
  }

  @SubscribeMessage('typing')
  typing() {
    return {};
  }
}

/** The guard never asks who is calling on the bus: a caller there is another service, not a user. */
const nobodyAsked = {} as Authenticator & Ownership;
const guard = new AccessGuard(new Reflector(), nobodyAsked, nobodyAsked);

function contextOf(type: ContextType, handler: keyof Handlers) {
  const context = new ExecutionContextHost([{}, undefined], Handlers, Handlers.prototype[handler]);
  context.setType(type);
  return context;
}

describe('the access guard outside HTTP', () => {
  it('lets a message reach a bus handler declared with @Answers', async () => {
    await expect(guard.canActivate(contextOf('rpc', 'answer'))).resolves.toBe(true);
  });

  it('answers a message to an undeclared handler with a 403, so the caller learns why', async () => {
    const refusal = await guard.canActivate(contextOf('rpc', 'sneak')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RpcError);
    expect((refusal as RpcError).getError()).toMatchObject({
      statusCode: 403,
      message: 'Only declared bus handlers answer messages',
    });
  });

  it('refuses a socket message, until socket handlers are declared', async () => {
    await expect(guard.canActivate(contextOf('ws', 'typing'))).resolves.toBe(false);
  });
});
