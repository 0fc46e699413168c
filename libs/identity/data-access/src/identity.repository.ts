import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import type { ApiKey, Role, SessionSummary, User } from '@aftersales/contracts/identity';
import { DATABASE_CONNECTION, type Database, type DatabaseConnection } from '@aftersales/shared-persistence';
import type { RecentFailures } from '@aftersales/identity-domain';
import { and, asc, desc, eq, gt, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import {
  apiKeys,
  deactivatedRepairPoints,
  refreshTokens,
  sessions,
  signInFailures,
  users,
} from './schema.js';

export const identityMigrations = {
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
  schema: 'identity',
};

export interface UserRecord extends User {
  passwordHash: string;
}

export interface SessionRow {
  id: string;
  userId: string;
  expiresAt: string;
  revokedAt?: string;
}

const iso = (date: Date | null) => date?.toISOString();

function toUser(row: typeof users.$inferSelect): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as Role,
    ...(row.repairPointId ? { repairPointId: row.repairPointId } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.disabledAt ? { disabledAt: row.disabledAt.toISOString() } : {}),
    passwordHash: row.passwordHash,
  };
}

function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    repairPointId: row.repairPointId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    ...(row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {}),
    ...(row.revokedAt ? { revokedAt: row.revokedAt.toISOString() } : {}),
  };
}

/** An API key as `authenticate` weighs it: whether it is revoked, expired, or of a deactivated point. */
export interface ApiKeyStanding extends ApiKey {
  repairPointDeactivated: boolean;
}

/** `%` and `_` in a search are the characters themselves, not patterns. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Remembers whether warranty's repair point is active; returns whether that changed. */
export async function setRepairPointActive(
  repairPointId: string,
  active: boolean,
  at: Date,
  tx: Database,
): Promise<boolean> {
  const changed = active
    ? await tx
        .delete(deactivatedRepairPoints)
        .where(eq(deactivatedRepairPoints.repairPointId, repairPointId))
        .returning()
    : await tx
        .insert(deactivatedRepairPoints)
        .values({ repairPointId, since: at })
        .onConflictDoNothing()
        .returning();
  return changed.length > 0;
}

/** The identity schema's tables: users, sessions with their refresh tokens, API keys, failed sign-ins. */
@Injectable()
export class IdentityRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  private get db(): Database {
    return this.connection.db;
  }

  /** Returns undefined when the email is taken. */
  async insertUser(
    user: Omit<UserRecord, 'createdAt' | 'disabledAt'>,
    db: Database = this.db,
  ): Promise<UserRecord | undefined> {
    const [row] = await db
      .insert(users)
      .values({ ...user, repairPointId: user.repairPointId ?? null })
      .onConflictDoNothing({ target: users.email })
      .returning();
    return row && toUser(row);
  }

  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email));
    return row && toUser(row);
  }

  async findUser(id: string): Promise<UserRecord | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row && toUser(row);
  }

  /** The account, locked until `tx` ends, so that concurrent changes of it apply one after the other. */
  async findUserForUpdate(id: string, tx: Database): Promise<UserRecord | undefined> {
    const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    return row && toUser(row);
  }

  /** Every account, or those whose email or display name contains `q`, in any case. */
  async listUsers(q?: string): Promise<UserRecord[]> {
    const matching = q
      ? or(ilike(users.email, containing(q)), ilike(users.displayName, containing(q)))
      : undefined;
    const rows = await this.db
      .select()
      .from(users)
      .where(matching)
      .orderBy(asc(users.createdAt), asc(users.email));
    return rows.map(toUser);
  }

  /** The accounts of the agent role that may sign in, by display name. */
  async listActiveAgents(): Promise<{ id: string; displayName: string }[]> {
    return this.db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(and(eq(users.role, 'agent'), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName), asc(users.id));
  }

  /** The display names of these accounts, disabled ones too: what they did stays theirs. */
  async displayNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, ids));
  }

  /** The names of these API keys, revoked and expired ones too. */
  async apiKeyNames(ids: string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return this.db
      .select({ id: apiKeys.id, name: apiKeys.name })
      .from(apiKeys)
      .where(inArray(apiKeys.id, ids));
  }

  /** Writes an account's role, repair point and whether it is disabled. */
  async updateAccount(
    id: string,
    account: { role: Role; repairPointId?: string; disabledAt: Date | null },
    db: Database,
  ): Promise<UserRecord> {
    const [row] = await db
      .update(users)
      .set({ ...account, repairPointId: account.repairPointId ?? null })
      .where(eq(users.id, id))
      .returning();
    return toUser(row!);
  }

  /** Ends every session of the account still open; returns their ids. */
  async revokeSessionsOf(userId: string, reason: string, db: Database): Promise<string[]> {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.map((row) => row.id);
  }

  async insertSession(session: {
    id: string;
    userId: string;
    expiresAt: Date;
    clientAddress: string;
    userAgent?: string;
    refreshTokenHash: string;
  }): Promise<void> {
    const { refreshTokenHash, ...row } = session;
    await this.db.transaction(async (tx) => {
      await tx.insert(sessions).values(row);
      await tx.insert(refreshTokens).values({ tokenHash: refreshTokenHash, sessionId: session.id });
    });
  }

  async findSession(id: string): Promise<SessionRow | undefined> {
    const [row] = await this.db.select().from(sessions).where(eq(sessions.id, id));
    return (
      row && {
        id: row.id,
        userId: row.userId,
        expiresAt: row.expiresAt.toISOString(),
        revokedAt: iso(row.revokedAt),
      }
    );
  }

  /** The sessions of an account that have neither ended nor expired, the most recently active first. */
  async listActiveSessions(userId: string, now: Date): Promise<Omit<SessionSummary, 'current'>[]> {
    const lastActiveAt = sql<Date>`max(${refreshTokens.issuedAt})`.mapWith(refreshTokens.issuedAt);
    const rows = await this.db
      .select({
        id: sessions.id,
        signedInAt: sessions.createdAt,
        lastActiveAt,
        address: sessions.clientAddress,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .innerJoin(refreshTokens, eq(refreshTokens.sessionId, sessions.id))
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .groupBy(sessions.id)
      .orderBy(desc(lastActiveAt));
    return rows.map(({ signedInAt, lastActiveAt, userAgent, ...row }) => ({
      ...row,
      signedInAt: signedInAt.toISOString(),
      lastActiveAt: lastActiveAt.toISOString(),
      ...(userAgent ? { userAgent } : {}),
    }));
  }

  /** A session with its user's current role, repair point and whether the account is disabled. */
  async findSessionWithUser(
    id: string,
  ): Promise<(SessionRow & Pick<User, 'role' | 'repairPointId' | 'disabledAt'>) | undefined> {
    const [row] = await this.db
      .select({
        session: sessions,
        role: users.role,
        repairPointId: users.repairPointId,
        disabledAt: users.disabledAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    if (!row) return undefined;
    const { session } = row;
    return {
      id: session.id,
      userId: session.userId,
      expiresAt: session.expiresAt.toISOString(),
      revokedAt: iso(session.revokedAt),
      role: row.role as Role,
      ...(row.repairPointId ? { repairPointId: row.repairPointId } : {}),
      ...(row.disabledAt ? { disabledAt: row.disabledAt.toISOString() } : {}),
    };
  }

  async findRefreshToken(hash: string): Promise<{ sessionId: string; usedAt?: string } | undefined> {
    const [row] = await this.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hash));
    return row && { sessionId: row.sessionId, usedAt: iso(row.usedAt) };
  }

  /** Marks the token exchanged, unless a concurrent refresh did first; returns whether this one did. */
  exchangeRefreshToken(hash: string, next: string, sessionId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const used = await tx
        .update(refreshTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(refreshTokens.tokenHash, hash), isNull(refreshTokens.usedAt)))
        .returning({ hash: refreshTokens.tokenHash });
      if (used.length === 0) return false;
      await tx.insert(refreshTokens).values({ tokenHash: next, sessionId });
      return true;
    });
  }

  async revokeSession(id: string, reason: string): Promise<void> {
    await this.db
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  }

  /**
   * Records a failed (or not yet successful) sign-in at `now`, and purges the failures that left the
   * window, so the table holds only what the throttle still counts. Returns the new row's id.
   */
  async recordSignInFailure(email: string, address: string, now: Date, windowStart: Date): Promise<number> {
    await this.db.delete(signInFailures).where(lte(signInFailures.failedAt, windowStart));
    const [row] = await this.db
      .insert(signInFailures)
      .values({ email, address, failedAt: now })
      .returning({ id: signInFailures.id });
    return row!.id;
  }

  /** Forgets the failures of the account from this address only: other addresses stay throttled. */
  async clearSignInFailures(email: string, address: string): Promise<void> {
    await this.db
      .delete(signInFailures)
      .where(and(eq(signInFailures.email, email), eq(signInFailures.address, address)));
  }

  /** Failures from the address since `since`: of the account (with its latest but `attemptId`), and of all. */
  async recentSignInFailures(
    email: string,
    address: string,
    since: Date,
    attemptId: number,
  ): Promise<RecentFailures> {
    const f = signInFailures;
    const ofPair = sql`${f.email} = ${email}`;
    const [row] = await this.db
      .select({
        pair: sql<number>`count(*) filter (where ${ofPair})::int`,
        address: sql<number>`count(*)::int`,
        pairPrevious: sql<
          number | null
        >`(extract(epoch from max(${f.failedAt}) filter (where ${ofPair} and ${f.id} <> ${attemptId})) * 1000)::float8`,
        addressOldest: sql<number | null>`(extract(epoch from min(${f.failedAt})) * 1000)::float8`,
      })
      .from(f)
      .where(and(gt(f.failedAt, since), eq(f.address, address)));
    return {
      pair: row?.pair ?? 0,
      address: row?.address ?? 0,
      ...(row?.pairPrevious == null ? {} : { pairPreviousMs: row.pairPrevious }),
      ...(row?.addressOldest == null ? {} : { addressOldestMs: row.addressOldest }),
    };
  }

  async insertApiKey(
    key: {
      id: string;
      repairPointId: string;
      name: string;
      prefix: string;
      keyHash: string;
      expiresAt?: string;
    },
    db: Database,
  ): Promise<ApiKey> {
    const [row] = await db
      .insert(apiKeys)
      .values({ ...key, expiresAt: key.expiresAt ? new Date(key.expiresAt) : null })
      .returning();
    return toApiKey(row!);
  }

  async listApiKeys(): Promise<ApiKey[]> {
    return (await this.db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt))).map(toApiKey);
  }

  async findApiKey(keyHash: string): Promise<ApiKeyStanding | undefined> {
    const [row] = await this.db
      .select({ key: apiKeys, deactivatedSince: deactivatedRepairPoints.since })
      .from(apiKeys)
      .leftJoin(deactivatedRepairPoints, eq(deactivatedRepairPoints.repairPointId, apiKeys.repairPointId))
      .where(eq(apiKeys.keyHash, keyHash));
    return row && { ...toApiKey(row.key), repairPointDeactivated: row.deactivatedSince !== null };
  }

  /** Revokes the key unless it was revoked already; returns the key and whether this call revoked it. */
  async revokeApiKey(id: string, db: Database): Promise<{ key?: ApiKey; revoked: boolean }> {
    const revoked = await db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
    return { key: row && toApiKey(row), revoked: revoked.length > 0 };
  }
}
