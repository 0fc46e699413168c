import type { Principal, Role } from './principal.js';
import type { CreateApiKeyRequest, CreateUserRequest, RegisterRequest, SignInRequest } from './schemas.js';

/** What the gateway knows of the caller's connection, for rate limits and the session list. */
export interface ClientInfo {
  address: string;
  userAgent?: string;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  repairPointId?: string;
  createdAt: string;
}

/** A new session: the access token goes to the client, the refresh token into an httpOnly cookie. */
export interface SessionTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  user: User;
}

export interface ApiKey {
  id: string;
  repairPointId: string;
  name: string;
  /** The first characters of the key, to tell keys apart; the key itself is never stored. */
  prefix: string;
  createdAt: string;
  revokedAt?: string;
}

/** A signed-in session of the caller's account, as the account page lists them. */
export interface SessionSummary {
  id: string;
  signedInAt: string;
  /** When the session last renewed its access token, which a client in use does every few minutes. */
  lastActiveAt: string;
  address: string;
  userAgent?: string;
  /** The session the list was asked from. */
  current: boolean;
}

export interface IdentityRequests {
  register: { request: RegisterRequest & { client: ClientInfo }; reply: SessionTokens };
  signIn: { request: SignInRequest & { client: ClientInfo }; reply: SessionTokens };
  refresh: { request: { refreshToken: string }; reply: SessionTokens };
  signOut: { request: { refreshToken?: string; sessionId?: string }; reply: { signedOut: true } };
  authenticate: { request: { accessToken: string } | { apiKey: string }; reply: Principal };
  me: { request: { userId: string }; reply: User };
  listSessions: { request: { userId: string; currentSessionId: string }; reply: SessionSummary[] };
  /** Whose session this is, ended or not; no `userId` when there is no such session. */
  sessionOwner: { request: { sessionId: string }; reply: { userId?: string } };
  createUser: { request: CreateUserRequest; reply: User };
  listUsers: { request: Record<string, never>; reply: User[] };
  createApiKey: { request: CreateApiKeyRequest; reply: ApiKey & { key: string } };
  listApiKeys: { request: Record<string, never>; reply: ApiKey[] };
  revokeApiKey: { request: { id: string }; reply: ApiKey };
}
