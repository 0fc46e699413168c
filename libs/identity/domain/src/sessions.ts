/** How long an access token lives: short, because it is checked against its session on every request. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** How long a session lives without a new sign-in, however often it is refreshed. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SessionRecord {
  revokedAt?: string;
  expiresAt: string;
}

export interface RefreshTokenRecord {
  usedAt?: string;
}

export type RefreshDecision =
  | { kind: 'rotate' }
  /** A refresh token came back after it was exchanged: someone else holds a copy. */
  | { kind: 'reuse-detected' }
  | { kind: 'refused'; reason: string };

/**
 * Refresh tokens rotate: each is exchanged once for a new one. Presenting an exchanged token again
 * revokes the whole session, because either the client or a thief is replaying it.
 */
export function decideRefresh(
  token: RefreshTokenRecord | undefined,
  session: SessionRecord | undefined,
  now: string,
): RefreshDecision {
  if (!token || !session) return { kind: 'refused', reason: 'The session is unknown; please sign in' };
  if (session.revokedAt) return { kind: 'refused', reason: 'The session has ended; please sign in' };
  if (session.expiresAt <= now) return { kind: 'refused', reason: 'The session has expired; please sign in' };
  if (token.usedAt) return { kind: 'reuse-detected' };
  return { kind: 'rotate' };
}

/** A session's access is valid while the session is neither revoked nor expired. */
export function sessionActive(session: SessionRecord | undefined, now: string): boolean {
  return session !== undefined && !session.revokedAt && session.expiresAt > now;
}
