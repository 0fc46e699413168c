import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ForbiddenError } from '@aftersales/contracts/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Principal, Role } from '@aftersales/contracts/identity';
import type { OwnedObject } from './ownership.js';

/**
 * Who may call a route. Every route declares one: the guard refuses a route without it, the gateway does
 * not start with one, and OpenAPI shows it (`x-access`). The access-matrix test holds both to the table
 * the team wrote apart from the code (`apps/gateway-e2e/src/access-table.ts`).
 */
export type AccessRule = { public: true } | { roles: Role[]; apiKeys?: boolean; owned?: OwnedObject };

export const ACCESS_RULE = 'aftersales:access-rule';

export function Access(rule: AccessRule) {
  const security =
    'public' in rule ? [] : [ApiBearerAuth(), ...(rule.apiKeys ? [ApiSecurity('api-key')] : [])];
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiExtension('x-access', rule), ...security);
}

export const anyUser: Role[] = ['customer', 'agent', 'engineer', 'admin'];

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The authenticated caller of a non-public route. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal!,
);

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** The signed-in user calling a route that API keys may not call. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): UserPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
  if (principal.kind !== 'user') {
    throw new ForbiddenError('API keys may not call this route', { code: 'api_key_not_allowed' });
  }
  return principal;
});
