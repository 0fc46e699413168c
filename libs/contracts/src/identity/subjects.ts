import type { IdentityRequests } from './messages.js';

/** Request/reply subjects the identity service answers on NATS. */
export const identitySubjects = {
  register: 'aftersales.identity.register',
  signIn: 'aftersales.identity.sign-in',
  refresh: 'aftersales.identity.refresh',
  signOut: 'aftersales.identity.sign-out',
  authenticate: 'aftersales.identity.authenticate',
  me: 'aftersales.identity.me',
  listSessions: 'aftersales.identity.list-sessions',
  sessionOwner: 'aftersales.identity.session-owner',
  createUser: 'aftersales.identity.create-user',
  listUsers: 'aftersales.identity.list-users',
  createApiKey: 'aftersales.identity.create-api-key',
  listApiKeys: 'aftersales.identity.list-api-keys',
  revokeApiKey: 'aftersales.identity.revoke-api-key',
} as const satisfies Record<keyof IdentityRequests, string>;

/**
 * Notices the identity service broadcasts to every process that keeps callers in memory (the gateways),
 * sent before the reply of the request that caused them.
 */
export const identityNotices = {
  sessionEnded: 'aftersales.identity.session-ended',
  apiKeyRevoked: 'aftersales.identity.api-key-revoked',
} as const;

export interface IdentityNotices {
  sessionEnded: { sessionId: string };
  apiKeyRevoked: { apiKeyId: string };
}
