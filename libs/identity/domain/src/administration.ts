import { type EventDataOf, ForbiddenError, NotFoundError } from '@aftersales/contracts/common';
import type { AccessChange, identityEvents, Role } from '@aftersales/contracts/identity';
import type { Command } from '@aftersales/shared-decider';

export type ChangeAccess = Command<'ChangeAccess', { id: string; access: AccessChange }>;
export type DisableUser = Command<'DisableUser', { id: string }>;
export type EnableUser = Command<'EnableUser', { id: string }>;
export type AccountCommand = ChangeAccess | DisableUser | EnableUser;

type Events = typeof identityEvents;
type Of<K extends keyof Events> = { type: Events[K]['type']; data: EventDataOf<Events[K]> };

export type AccountEvent =
  Of<'userRoleChanged'> | Of<'userRepairPointChanged'> | Of<'userDisabled'> | Of<'userEnabled'>;

export interface Account {
  id: string;
  role: Role;
  repairPointId?: string;
  disabled: boolean;
}

/**
 * What an admin's change of an account records. A change to what the account already is records
 * nothing, so a retried click is harmless. Admins may not disable themselves or give up their own
 * role: that is how the last admin locks everyone out.
 */
export function decideAccountChange(command: AccountCommand, account: Account | undefined): AccountEvent[] {
  const { id } = command.data;
  if (!account) throw new NotFoundError(`No account ${id}`, { code: 'account_not_found', params: { id } });
  const own = command.metadata.actor === `user:${id}`;
  switch (command.type) {
    case 'ChangeAccess': {
      const { role, repairPointId } = command.data.access;
      if (role !== account.role) {
        if (own) throw new ForbiddenError('You cannot change your own role', { code: 'own_role' });
        return [
          {
            type: 'UserRoleChanged',
            data: {
              userId: id,
              previousRole: account.role,
              role,
              ...(repairPointId ? { repairPointId } : {}),
            },
          },
        ];
      }
      if (repairPointId && account.repairPointId && repairPointId !== account.repairPointId) {
        return [
          {
            type: 'UserRepairPointChanged',
            data: { userId: id, previousRepairPointId: account.repairPointId, repairPointId },
          },
        ];
      }
      return [];
    }
    case 'DisableUser':
      if (own) throw new ForbiddenError('You cannot disable your own account', { code: 'own_account' });
      return account.disabled ? [] : [{ type: 'UserDisabled', data: { userId: id } }];
    case 'EnableUser':
      return account.disabled ? [{ type: 'UserEnabled', data: { userId: id } }] : [];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${(unknown as Command).type}`);
    }
  }
}

/** The account after one of its events. */
export function evolveAccount(account: Account, event: AccountEvent): Account {
  switch (event.type) {
    case 'UserRoleChanged': {
      const { repairPointId: _, ...rest } = account;
      return {
        ...rest,
        role: event.data.role,
        ...(event.data.repairPointId ? { repairPointId: event.data.repairPointId } : {}),
      };
    }
    case 'UserRepairPointChanged':
      return { ...account, repairPointId: event.data.repairPointId };
    case 'UserDisabled':
      return { ...account, disabled: true };
    case 'UserEnabled':
      return { ...account, disabled: false };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${(unknown as AccountEvent).type}`);
    }
  }
}
