import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import type { ApiKey, Role, SessionSummary, User } from '@aftersales/contracts/identity';
import { DATABASE_CONNECTION, type Database, type DatabaseConnection } from '@aftersales/shared-persistence';
import { and, asc, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { apiKeys, refreshTokens, sessions, signInFailures, users } from './schema.js';

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
    ...(row.revokedAt ? { revokedAt: row.revokedAt.toISOString() } : {}),
  };
}

/** The identity schema's tables: users, sessions with their refresh tokens, API keys, failed sign-ins. */
@Injectable()
export class IdentityRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  private get db(): Database {
    return this.connection.db;
  }

  /** Returns undefined when the email is taken. */
  async insertUser(user: Omit<UserRecord, 'createdAt'>): Promise<UserRecord | undefined> {
    const [row] = await this.db
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

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.select().from(users).orderBy(asc(users.createdAt), asc(users.email))).map(toUser);
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

  /** A session with its user's current role and repair point. */
  async findSessionWithUser(
    id: string,
  ): Promise<(SessionRow & Pick<User, 'role' | 'repairPointId'>) | undefined> {
    const [row] = await this.db
      .select({ session: sessions, role: users.role, repairPointId: users.repairPointId })
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

  async recordSignInFailure(email: string, address: string): Promise<void> {
    await this.db.insert(signInFailures).values({ email, address });
  }

  async clearSignInFailures(email: string): Promise<void> {
    await this.db.delete(signInFailures).where(eq(signInFailures.email, email));
  }

  /** Failures since `since` for the account and for the address, each with its oldest, in epoch ms. */
  async recentSignInFailures(email: string, address: string, since: Date) {
    const f = signInFailures;
    const [row] = await this.db
      .select({
        account: sql<number>`count(*) filter (where ${f.email} = ${email})::int`,
        address: sql<number>`count(*) filter (where ${f.address} = ${address})::int`,
        accountOldest: sql<
          number | null
        >`(extract(epoch from min(${f.failedAt}) filter (where ${f.email} = ${email})) * 1000)::float8`,
        addressOldest: sql<
          number | null
        >`(extract(epoch from min(${f.failedAt}) filter (where ${f.address} = ${address})) * 1000)::float8`,
      })
      .from(f)
      .where(and(gt(f.failedAt, since), or(eq(f.email, email), eq(f.address, address))));
    return {
      account: row?.account ?? 0,
      address: row?.address ?? 0,
      accountOldestMs: row?.accountOldest ?? undefined,
      addressOldestMs: row?.addressOldest ?? undefined,
    };
  }

  async insertApiKey(key: {
    id: string;
    repairPointId: string;
    name: string;
    prefix: string;
    keyHash: string;
  }): Promise<ApiKey> {
    const [row] = await this.db.insert(apiKeys).values(key).returning();
    return toApiKey(row!);
  }

  async listApiKeys(): Promise<ApiKey[]> {
    return (await this.db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt))).map(toApiKey);
  }

  async findActiveApiKey(keyHash: string): Promise<ApiKey | undefined> {
    const [row] = await this.db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
    return row && toApiKey(row);
  }

  async revokeApiKey(id: string): Promise<ApiKey | undefined> {
    await this.db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    return row && toApiKey(row);
  }
}
