import type { IdentityRequests } from './messages.js';

/** Request/reply subjects the identity service answers on NATS. */
export const identitySubjects = {
  register: 'aftersales.identity.register',
  signIn: 'aftersales.identity.sign-in',
  refresh: 'aftersales.identity.refresh',
  signOut: 'aftersales.identity.sign-out',
  authenticate: 'aftersales.identity.authenticate',
  me: 'aftersales.identity.me',
  createUser: 'aftersales.identity.create-user',
  listUsers: 'aftersales.identity.list-users',
  createApiKey: 'aftersales.identity.create-api-key',
  listApiKeys: 'aftersales.identity.list-api-keys',
  revokeApiKey: 'aftersales.identity.revoke-api-key',
} as const satisfies Record<keyof IdentityRequests, string>;
