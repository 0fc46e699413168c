import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CommandMetadata,
  ConflictError,
  InvalidError,
  NotFoundError,
  type ParsedRequestOf,
  type ReplyOf,
} from '@aftersales/contracts/common';
import {
  type CreateUserRequest,
  identityMessages,
  identityNotices,
  type IdentityNotices,
  type User,
} from '@aftersales/contracts/identity';
import {
  type Account,
  type AccountCommand,
  decideAccountChange,
  evolveAccount,
} from '@aftersales/identity-domain';
import {
  auditTrailProjection,
  AuditTrailRepository,
  IdentityRepository,
  type UserRecord,
} from '@aftersales/identity-data-access';
import { DuplicateEventError, EVENT_STORE, type EventStore, eventIdOf } from '@aftersales/shared-event-store';
import type { DomainEvent } from '@aftersales/shared-decider';
import { BROADCASTS, type Broadcasts } from '@aftersales/shared-messaging';
import type { Database } from '@aftersales/shared-persistence';
import { z } from 'zod';
import { publicUser } from './accounts.service.js';
import { hashPassword, randomToken, tokenHash } from './secrets.js';

type Messages = typeof identityMessages;
type Request<K extends keyof Messages> = ParsedRequestOf<Messages[K]>;
type Reply<K extends keyof Messages> = ReplyOf<Messages[K]>;

/** See `AccountsService`: identity's own clock, here for when the audit trail says a change happened. */
const clock = () => new Date();

const accountOf = (user: UserRecord): Account => ({
  id: user.id,
  role: user.role,
  ...(user.repairPointId ? { repairPointId: user.repairPointId } : {}),
  disabled: user.disabledAt !== undefined,
});

/** The ids among `actors` of one kind, `user:<id>` or `api-key:<id>`; anything else names no one here. */
function idsOf(actors: string[], kind: 'user' | 'api-key'): string[] {
  const prefix = `${kind}:`;
  const ids = actors.filter((actor) => actor.startsWith(prefix)).map((actor) => actor.slice(prefix.length));
  return [...new Set(ids)].filter((id) => z.uuid().safeParse(id).success);
}

const userStream = (id: string) => `user-${id}`;
const apiKeyStream = (id: string) => `api-key-${id}`;

/**
 * The administration of accounts and API keys. Each change writes its table and appends its events
 * (which the outbox publishes and the audit trail records) in one transaction; gateways hear a notice
 * once it has committed, so that none re-reads the state from before it.
 */
@Injectable()
export class AdministrationService {
  private readonly logger = new Logger('identity');

  constructor(
    private readonly repository: IdentityRepository,
    private readonly auditTrail: AuditTrailRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
  ) {}

  async listUsers({ q }: Request<'listUsers'>): Promise<Reply<'listUsers'>> {
    return (await this.repository.listUsers(q)).map(publicUser);
  }

  listAgents(): Promise<Reply<'listAgents'>> {
    return this.repository.listActiveAgents();
  }

  async actorNames({ actors }: Request<'actorNames'>): Promise<Reply<'actorNames'>> {
    const [users, keys] = await Promise.all([
      this.repository.displayNames(idsOf(actors, 'user')),
      this.repository.apiKeyNames(idsOf(actors, 'api-key')),
    ]);
    return [
      ...users.map(({ id, name }) => ({ actor: `user:${id}`, name })),
      ...keys.map(({ id, name }) => ({ actor: `api-key:${id}`, name })),
    ];
  }

  async createUser(request: CreateUserRequest, metadata: CommandMetadata): Promise<User> {
    const { password, ...fields } = request;
    const id = randomUUID();
    const passwordHash = await hashPassword(password);
    const created = await this.record(userStream(id), metadata, async (tx) => {
      const user = await this.repository.insertUser({ id, ...fields, passwordHash }, tx);
      if (!user) {
        throw new ConflictError(`An account with the email ${request.email} exists already`, {
          code: 'email_taken',
          params: { email: request.email },
        });
      }
      const { repairPointId, email, displayName, role } = user;
      return {
        result: user,
        events: [
          {
            type: 'UserCreated',
            data: { userId: id, email, displayName, role, ...(repairPointId ? { repairPointId } : {}) },
          },
        ],
      };
    });
    return publicUser(created);
  }

  async changeAccess({ id, access }: Request<'changeAccess'>, metadata: CommandMetadata): Promise<User> {
    return this.changeAccount({ type: 'ChangeAccess', data: { id, access }, metadata });
  }

  async disableUser({ id }: Request<'disableUser'>, metadata: CommandMetadata): Promise<User> {
    return this.changeAccount({ type: 'DisableUser', data: { id }, metadata });
  }

  async enableUser({ id }: Request<'enableUser'>, metadata: CommandMetadata): Promise<User> {
    return this.changeAccount({ type: 'EnableUser', data: { id }, metadata });
  }

  async createApiKey(
    { expiresAt, ...request }: Request<'createApiKey'>,
    metadata: CommandMetadata,
  ): Promise<Reply<'createApiKey'>> {
    if (expiresAt && expiresAt <= clock().toISOString()) {
      throw new InvalidError('expiresAt: must be in the future', { code: 'expiry_in_past' });
    }
    const id = randomUUID();
    const key = randomToken('ask_');
    const stored = await this.record(apiKeyStream(id), metadata, async (tx) => {
      const stored = await this.repository.insertApiKey(
        {
          id,
          ...request,
          prefix: key.slice(0, 12),
          keyHash: tokenHash(key),
          ...(expiresAt ? { expiresAt } : {}),
        },
        tx,
      );
      const { repairPointId, name, prefix } = stored;
      return {
        result: stored,
        events: [
          {
            type: 'ApiKeyCreated',
            data: { apiKeyId: id, repairPointId, name, prefix, ...(expiresAt ? { expiresAt } : {}) },
          },
        ],
      };
    });
    return { ...stored, key };
  }

  async revokeApiKey(
    { id }: Request<'revokeApiKey'>,
    metadata: CommandMetadata,
  ): Promise<Reply<'revokeApiKey'>> {
    const key = await this.record(apiKeyStream(id), metadata, async (tx) => {
      const { key, revoked } = await this.repository.revokeApiKey(id, tx);
      if (!key) throw new NotFoundError(`No API key ${id}`);
      return {
        result: key,
        events: revoked
          ? [{ type: 'ApiKeyRevoked', data: { apiKeyId: id, repairPointId: key.repairPointId } }]
          : [],
      };
    });
    await this.notify(identityNotices.apiKeyRevoked, {
      apiKeyId: id,
    } satisfies IdentityNotices['apiKeyRevoked']);
    return key;
  }

  listApiKeys(): Promise<Reply<'listApiKeys'>> {
    return this.repository.listApiKeys();
  }

  listAudit({ page, pageSize }: Request<'listAudit'>): Promise<Reply<'listAudit'>> {
    return this.auditTrail.page(page, pageSize);
  }

  private async changeAccount(command: AccountCommand): Promise<User> {
    const { id } = command.data;
    const endedSessions: string[] = [];
    const user = await this.record(userStream(id), command.metadata, async (tx) => {
      const user = await this.repository.findUserForUpdate(id, tx);
      const account = user && accountOf(user);
      const events = decideAccountChange(command, account);
      if (events.length === 0) return { result: user!, events };
      const { disabled, ...access } = events.reduce(evolveAccount, account!);
      const since = user!.disabledAt ? new Date(user!.disabledAt) : clock();
      const changed = await this.repository.updateAccount(
        id,
        { ...access, disabledAt: disabled ? since : null },
        tx,
      );
      if (disabled && !account!.disabled) {
        endedSessions.push(...(await this.repository.revokeSessionsOf(id, 'account disabled', tx)));
      }
      return { result: changed, events };
    });
    // The same notices as a sign-out, so that a disabled account's tokens stop at once everywhere.
    for (const sessionId of endedSessions) {
      await this.notify(identityNotices.sessionEnded, {
        sessionId,
      } satisfies IdentityNotices['sessionEnded']);
    }
    await this.notify(identityNotices.userChanged, { userId: id } satisfies IdentityNotices['userChanged']);
    return publicUser(user);
  }

  /**
   * Runs `change` in a transaction and appends the events it decided to `streamId`, with the audit
   * trail's entries, in the same transaction. A command handled before (the same `commandId`) appends
   * nothing again: its events are stored, so its change was made.
   */
  private async record<T>(
    streamId: string,
    metadata: CommandMetadata,
    change: (tx: Database) => Promise<{ result: T; events: DomainEvent[] }>,
  ): Promise<T> {
    const { commandId, correlationId, actor } = metadata;
    try {
      return await this.store.transaction(async (store, tx) => {
        const { result, events } = await change(tx);
        if (events.length === 0) return result;
        const { recorded } = await store.append(
          streamId,
          events.map((event, index) => ({
            eventId: eventIdOf(commandId, index),
            type: event.type,
            data: event.data,
            metadata: {
              commandId,
              correlationId,
              causationId: commandId,
              actor,
              timestamp: clock().toISOString(),
            },
          })),
          'any',
        );
        for (const event of recorded) await auditTrailProjection.evolve(event, tx);
        return result;
      });
    } catch (error) {
      if (error instanceof DuplicateEventError) {
        throw new ConflictError(
          `Command ${commandId} was handled already; send a new command id to change it again`,
          {
            code: 'command_handled',
          },
        );
      }
      throw error;
    }
  }

  /** As in `AccountsService`: the change is made by now, so a failed notice only delays the forgetting. */
  private async notify(subject: string, notice: object): Promise<void> {
    await this.broadcasts
      .broadcast(subject, notice)
      .catch((error: unknown) => this.logger.warn(`Notice ${subject} not sent: ${String(error)}`));
  }
}
