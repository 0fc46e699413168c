import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, toApiError, UnauthenticatedError } from '@aftersales/contracts/common';
import type { Credentials, Principal, Role } from '@aftersales/contracts/identity';
import { BUS_HANDLER, RpcError } from '@aftersales/shared-messaging';
import type { FastifyRequest } from 'fastify';
import type { Socket } from 'socket.io';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest } from './access.decorator.js';
import { Authenticator } from './authenticator.js';
import { LIVE_HANDLER, liveCredentials, type LiveRule, type LiveSocketData } from './live-access.js';
import { Ownership } from './ownership.js';

/** The access token of an `Authorization: Bearer …` header. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

function credentialsOf(request: FastifyRequest): Credentials | undefined {
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return { apiKey };
  const accessToken = bearerToken(request);
  return accessToken ? { accessToken } : undefined;
}

/** Authenticates every non-public route (the identity service vouches for callers) and checks the route's rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly ownership: Ownership,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // In the embedded mode the services' bus handlers share this application. Only a declared one answers a
    // message, and no other kind of handler runs until it is declared too.
    if (context.getType() === 'rpc') {
      if (this.reflector.get(BUS_HANDLER, context.getHandler())) return true;
      throw new RpcError(toApiError(new ForbiddenError('Only declared bus handlers answer messages')));
    }
    if (context.getType() === 'ws') return this.canReceive(context);
    if (context.getType() !== 'http') return false;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('This route has no access rule, so nobody may call it');
    if ('public' in rule) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const credentials = credentialsOf(request);
    if (!credentials) throw new UnauthenticatedError('Sign in to continue', { code: 'sign_in_required' });
    const principal = await this.authenticator.authenticate(credentials);
    if (principal.kind === 'api-key' && !rule.apiKeys) {
      throw new ForbiddenError('API keys may not call this route', { code: 'api_key_not_allowed' });
    }
    requireRole(rule, principal);
    if (rule.owned) await this.ownership.check(rule.owned, principal, request.params);
    request.principal = principal;
    return true;
  }

  /**
   * A socket's event reaches a handler declared with `@OnLive` alone, and only while the socket's session
   * lasts: each event is checked as an HTTP request would be (the authenticator remembers the answer).
   */
  private async canReceive(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.get<LiveRule | undefined>(LIVE_HANDLER, context.getHandler());
    if (!rule) throw new ForbiddenError('This socket event has no access rule, so nobody may send it');
    const socket = context.switchToWs().getClient<Socket>();
    const principal = await this.authenticator.authenticate(liveCredentials(socket));
    if (principal.kind !== 'user') {
      throw new ForbiddenError('API keys may not use the live chat', { code: 'api_key_not_allowed' });
    }
    requireRole(rule, principal);
    (socket.data as LiveSocketData).principal = principal;
    return true;
  }
}

function requireRole(rule: { roles: Role[] }, principal: Principal): void {
  if (!rule.roles.includes(principal.role)) {
    throw new ForbiddenError(`This needs one of the roles: ${rule.roles.join(', ')}`, {
      code: 'role_required',
      params: { roles: rule.roles.join(',') },
    });
  }
}
