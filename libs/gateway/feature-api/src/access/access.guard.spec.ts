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
import type { Credentials, Role } from '@aftersales/contracts/identity';
import type { Authenticator } from './authenticator.js';
import { type LiveSocketData, OnLive } from './live-access.js';
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

  @OnLive('watchQueue', { roles: ['agent'] })
  watchQueue() {
    return {};
  }
}

/** The guard never asks who is calling on the bus: a caller there is another service, not a user. */
const nobodyAsked = {} as Authenticator & Ownership;
const guard = new AccessGuard(new Reflector(), nobodyAsked, nobodyAsked);

function contextOf(type: ContextType, handler: keyof Handlers, client: object = {}) {
  const context = new ExecutionContextHost([client, undefined], Handlers, Handlers.prototype[handler]);
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

  it('refuses a socket event to a handler not declared with @OnLive', async () => {
    await expect(guard.canActivate(contextOf('ws', 'typing'))).rejects.toMatchObject({
      kind: 'forbidden',
      message: 'This socket event has no access rule, so nobody may send it',
    });
  });

  describe('on a socket event to a handler declared with @OnLive', () => {
    const principal = (role: Role) => ({
      kind: 'user' as const,
      userId: 'a6f1f0d2-4f6b-4a57-8c1e-3d9b2e7c5a10',
      sessionId: 'session',
      role,
    });
    const socketOf = (role: Role, token = 'access token') => {
      const authenticator = {
        authenticate: async (credentials: Credentials) => {
          expect(credentials).toEqual({ accessToken: 'access token' });
          return principal(role);
        },
      } as unknown as Authenticator;
      const socket = { handshake: { auth: { token } }, data: {} as LiveSocketData };
      return { guard: new AccessGuard(new Reflector(), authenticator, nobodyAsked), socket };
    };

    it('lets the event through from a socket of a role the rule names, as the session its token names', async () => {
      const { guard, socket } = socketOf('agent');
      await expect(guard.canActivate(contextOf('ws', 'watchQueue', socket))).resolves.toBe(true);
      expect(socket.data.principal).toMatchObject({ role: 'agent' });
    });

    it('refuses it from a socket of another role, naming the roles', async () => {
      const { guard, socket } = socketOf('customer');
      await expect(guard.canActivate(contextOf('ws', 'watchQueue', socket))).rejects.toMatchObject({
        code: 'role_required',
        params: { roles: 'agent' },
      });
    });

    it('refuses it from a socket without a token', async () => {
      const { guard, socket } = socketOf('agent', '');
      await expect(guard.canActivate(contextOf('ws', 'watchQueue', socket))).rejects.toMatchObject({
        code: 'sign_in_required',
      });
    });
  });
});
