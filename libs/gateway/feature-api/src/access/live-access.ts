import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { SubscribeMessage } from '@nestjs/websockets';
import { UnauthenticatedError } from '@aftersales/contracts/common';
import type { liveClientEvents } from '@aftersales/contracts/consultation';
import type { orderLiveClientEvents } from '@aftersales/contracts/repair-orders';
import type { Credentials, Role } from '@aftersales/contracts/identity';
import type { Socket } from 'socket.io';
import type { UserPrincipal } from './access.decorator.js';

/** Who may send a client event of the live namespace. */
export interface LiveRule {
  roles: Role[];
}

/** Marks the socket handlers `@OnLive` declares: the access guard lets a socket's event reach these alone. */
export const LIVE_HANDLER = 'aftersales:live-handler';

/** Makes a method handle a client event of the live namespace, for the roles named. */
export function OnLive(
  event: keyof typeof liveClientEvents | keyof typeof orderLiveClientEvents,
  rule: LiveRule,
) {
  return applyDecorators(SubscribeMessage(event), SetMetadata(LIVE_HANDLER, rule));
}

/** A socket is as signed in as the HTTP session whose access token its handshake carries. */
export function liveCredentials(socket: Socket): Credentials {
  const token: unknown = (socket.handshake.auth as { token?: unknown }).token;
  if (typeof token !== 'string' || !token) {
    throw new UnauthenticatedError('Sign in to continue', { code: 'sign_in_required' });
  }
  return { accessToken: token };
}

export interface LiveSocketData {
  principal?: UserPrincipal;
}

/** The signed-in user of the socket an event came from, as the access guard checked it. */
export const LiveUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserPrincipal =>
    (context.switchToWs().getClient<Socket>().data as LiveSocketData).principal!,
);
