import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  type ParsedRequestOf,
  RateLimitedError,
  type ReplyOf,
  UnauthenticatedError,
} from '@aftersales/contracts/common';
import {
  type ClientInfo,
  type CreateUserRequest,
  identityMessages,
  identityNotices,
  type IdentityNotices,
  type SessionTokens,
  type User,
} from '@aftersales/contracts/identity';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  decideRefresh,
  SESSION_TTL_MS,
  sessionActive,
  THROTTLE_WINDOW_MS,
  throttleSignIn,
} from '@aftersales/identity-domain';
import { IdentityRepository, type UserRecord } from '@aftersales/identity-data-access';
import { BROADCASTS, type Broadcasts } from '@aftersales/shared-messaging';
import { AccessTokens } from './access-tokens.js';
import { hashPassword, randomToken, tokenHash, verifyPassword } from './secrets.js';

export interface IdentityOptions {
  /** Signs access tokens; every process of a deployment shares it. */
  authSecret: string;
  seedDemoAccounts: boolean;
}

export const IDENTITY_OPTIONS = Symbol('IdentityOptions');

const accountDisabled = () =>
  new ForbiddenError('This account is disabled; ask an administrator', { code: 'account_disabled' });

/**
 * Identity's own clock, never a request's `now`: sessions, tokens and the sign-in throttle are security
 * decisions, and a request's metadata is only as trustworthy as whoever could send it on the bus.
 */
const clock = () => new Date();

type Messages = typeof identityMessages;
type Request<K extends keyof Messages> = ParsedRequestOf<Messages[K]>;
type Reply<K extends keyof Messages> = ReplyOf<Messages[K]>;

export function publicUser({ passwordHash: _, ...user }: UserRecord): User {
  return user;
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger('identity');
  private readonly tokens: AccessTokens;
  /** Compared against when the email is unknown, so that both answers take as long. */
  private readonly decoyHash = hashPassword(randomToken());

  constructor(
    private readonly repository: IdentityRepository,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
    @Inject(IDENTITY_OPTIONS) options: IdentityOptions,
  ) {
    this.tokens = new AccessTokens(options.authSecret);
  }

  async register(request: Request<'register'>): Promise<Reply<'register'>> {
    const user = await this.insertUser({ ...request, role: 'customer' });
    return this.startSession(user, request.client, clock());
  }

  async signIn({ email, password, client }: Request<'signIn'>): Promise<Reply<'signIn'>> {
    const now = clock();
    const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
    // Recorded as a failure until the password proves right, so that parallel guesses count one another.
    const attemptId = await this.repository.recordSignInFailure(email, client.address, now, windowStart);
    const failures = await this.repository.recentSignInFailures(
      email,
      client.address,
      windowStart,
      attemptId,
    );
    const throttle = throttleSignIn(failures, now);
    if (!throttle.allowed) {
      throw new RateLimitedError(throttle.reason, throttle.retryAfterSeconds, {
        code: 'sign_in_throttled',
        params: { minutes: Math.ceil(throttle.retryAfterSeconds / 60) },
      });
    }
    const user = await this.repository.findUserByEmail(email);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !valid)
      throw new UnauthenticatedError('The email or password is wrong', { code: 'wrong_credentials' });
    if (user.disabledAt) throw accountDisabled();
    await this.repository.clearSignInFailures(email, client.address);
    return this.startSession(user, client, now);
  }

  async refresh({ refreshToken }: Request<'refresh'>): Promise<Reply<'refresh'>> {
    const now = clock();
    const hash = tokenHash(refreshToken);
    const token = await this.repository.findRefreshToken(hash);
    const session = token && (await this.repository.findSession(token.sessionId));
    const decision = decideRefresh(token, session, now.toISOString());
    if (decision.kind === 'refused') throw new UnauthenticatedError(decision.reason);
    const next = randomToken();
    const exchanged =
      decision.kind === 'rotate' &&
      (await this.repository.exchangeRefreshToken(hash, tokenHash(next), session!.id));
    if (!exchanged) {
      await this.endSession(session!.id, 'refresh token reused');
      throw new UnauthenticatedError(
        'This sign-in was used from somewhere else, so it was ended to be safe; please sign in again',
        { code: 'sign_in_reused' },
      );
    }
    const user = await this.repository.findUser(session!.userId);
    if (user!.disabledAt) throw accountDisabled();
    return this.tokensFor(user!, session!.id, next, now);
  }

  async signOut({ refreshToken, sessionId }: Request<'signOut'>): Promise<Reply<'signOut'>> {
    const id =
      sessionId ??
      (refreshToken && (await this.repository.findRefreshToken(tokenHash(refreshToken)))?.sessionId);
    if (id) await this.endSession(id, 'signed out');
    return { signedOut: true as const };
  }

  async authenticate(credentials: Request<'authenticate'>): Promise<Reply<'authenticate'>> {
    if ('apiKey' in credentials) {
      const key = await this.repository.findApiKey(tokenHash(credentials.apiKey));
      if (!key || key.revokedAt)
        throw new UnauthenticatedError('The API key is unknown or revoked', { code: 'api_key_invalid' });
      if (key.expiresAt && key.expiresAt <= clock().toISOString()) {
        throw new UnauthenticatedError('The API key has expired', { code: 'api_key_expired' });
      }
      if (key.repairPointDeactivated) {
        throw new UnauthenticatedError("The API key's repair point is deactivated", {
          code: 'api_key_repair_point_inactive',
        });
      }
      const { id: apiKeyId, repairPointId, expiresAt } = key;
      return {
        kind: 'api-key',
        apiKeyId,
        role: 'engineer',
        repairPointId,
        ...(expiresAt ? { expiresAt } : {}),
      };
    }
    const claims = await this.tokens.read(credentials.accessToken);
    if (!claims)
      throw new UnauthenticatedError('The access token is invalid or has expired', { code: 'token_invalid' });
    const session = await this.repository.findSessionWithUser(claims.sessionId);
    if (
      !session ||
      !sessionActive(session, clock().toISOString()) ||
      session.userId !== claims.userId ||
      // A sign-in that raced the account's disabling may have opened a session after it.
      session.disabledAt
    ) {
      throw new UnauthenticatedError('The session has ended; please sign in', { code: 'session_ended' });
    }
    // The role and repair point are read now, not from the token. Gateways remember this answer for a
    // while, so a future change of role or repair point must send a notice, as ending a session does.
    return {
      kind: 'user',
      userId: session.userId,
      role: session.role,
      sessionId: session.id,
      ...(session.repairPointId ? { repairPointId: session.repairPointId } : {}),
    };
  }

  async listSessions({ userId, currentSessionId }: Request<'listSessions'>): Promise<Reply<'listSessions'>> {
    const active = await this.repository.listActiveSessions(userId, clock());
    return active.map((session) => ({
      ...session,
      current: session.id === currentSessionId,
    }));
  }

  async sessionOwner({ sessionId }: Request<'sessionOwner'>): Promise<Reply<'sessionOwner'>> {
    const session = await this.repository.findSession(sessionId);
    return session ? { userId: session.userId } : {};
  }

  async me({ userId }: Request<'me'>): Promise<Reply<'me'>> {
    const user = await this.repository.findUser(userId);
    if (!user) throw new NotFoundError('The account no longer exists');
    return publicUser(user);
  }

  /** Gateways that remember the session forget it before the caller hears that it ended. */
  private async endSession(sessionId: string, reason: string): Promise<void> {
    await this.repository.revokeSession(sessionId, reason);
    await this.notify(identityNotices.sessionEnded, { sessionId } satisfies IdentityNotices['sessionEnded']);
  }

  /**
   * The change is made by now, so the caller hears of it even when the notice fails; gateways then forget
   * within their trust limit instead of at once.
   */
  private async notify(subject: string, notice: object): Promise<void> {
    await this.broadcasts
      .broadcast(subject, notice)
      .catch((error: unknown) => this.logger.warn(`Notice ${subject} not sent: ${String(error)}`));
  }

  private async insertUser(
    user: Omit<CreateUserRequest, 'password'> & { password: string },
  ): Promise<UserRecord> {
    const { password, ...fields } = user;
    const inserted = await this.repository.insertUser({
      id: randomUUID(),
      ...fields,
      passwordHash: await hashPassword(password),
    });
    if (!inserted)
      throw new ConflictError(`An account with the email ${user.email} exists already`, {
        code: 'email_taken',
        params: { email: user.email },
      });
    return inserted;
  }

  private async startSession(user: UserRecord, client: ClientInfo, now: Date): Promise<SessionTokens> {
    const sessionId = randomUUID();
    const refreshToken = randomToken();
    await this.repository.insertSession({
      id: sessionId,
      userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      clientAddress: client.address,
      userAgent: client.userAgent,
      refreshTokenHash: tokenHash(refreshToken),
    });
    return this.tokensFor(user, sessionId, refreshToken, now);
  }

  private async tokensFor(
    user: UserRecord,
    sessionId: string,
    refreshToken: string,
    now: Date,
  ): Promise<SessionTokens> {
    const accessToken = await this.tokens.sign(
      { userId: user.id, role: user.role, repairPointId: user.repairPointId, sessionId },
      now,
    );
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, refreshToken, user: publicUser(user) };
  }
}
