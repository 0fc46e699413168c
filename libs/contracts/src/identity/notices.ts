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
