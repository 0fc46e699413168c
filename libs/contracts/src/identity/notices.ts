/**
 * Notices the identity service broadcasts to every process that keeps callers in memory (the gateways),
 * sent before the reply of the request that caused them.
 */
export const identityNotices = {
  sessionEnded: 'aftersales.identity.session-ended',
  apiKeyRevoked: 'aftersales.identity.api-key-revoked',
  /** The account's role or repair point changed: what was remembered of its callers is out of date. */
  userChanged: 'aftersales.identity.user-changed',
  /** A repair point was deactivated or reactivated: its API keys stop or start working. */
  repairPointKeysChanged: 'aftersales.identity.repair-point-keys-changed',
} as const;

export interface IdentityNotices {
  sessionEnded: { sessionId: string };
  apiKeyRevoked: { apiKeyId: string };
  userChanged: { userId: string };
  repairPointKeysChanged: { repairPointId: string };
}
