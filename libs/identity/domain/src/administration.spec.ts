import { describe, expect, it } from '@jest/globals';
import { ForbiddenError, NotFoundError } from '@aftersales/contracts/common';
import { type Account, type AccountCommand, decideAccountChange, evolveAccount } from './administration.js';

const id = '5b0c3a4e-8f0e-4c4e-9a55-1c2d3e4f5a6b';
const metadata = {
  actor: 'user:9d1b7c1e-0000-4000-8000-000000000001',
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: 'c-1',
  now: '2026-11-25T08:00:00.000Z',
};
const engineer: Account = { id, role: 'engineer', repairPointId: 'rp-shenzhen', disabled: false };
const agent: Account = { id, role: 'agent', disabled: false };

const changeAccess = (access: { role: Account['role']; repairPointId?: string }): AccountCommand => ({
  type: 'ChangeAccess',
  data: { id, access },
  metadata,
});
const disable: AccountCommand = { type: 'DisableUser', data: { id }, metadata };
const enable: AccountCommand = { type: 'EnableUser', data: { id }, metadata };

describe('administration of an account', () => {
  it('when an engineer becomes an agent, records the role change and the account loses its point', () => {
    const events = decideAccountChange(changeAccess({ role: 'agent' }), engineer);
    expect(events).toEqual([
      { type: 'UserRoleChanged', data: { userId: id, previousRole: 'engineer', role: 'agent' } },
    ]);
    expect(evolveAccount(engineer, events[0]!)).toEqual({ id, role: 'agent', disabled: false });
  });

  it('when an agent becomes an engineer, records the point it now acts for', () => {
    const events = decideAccountChange(changeAccess({ role: 'engineer', repairPointId: 'rp-dubai' }), agent);
    expect(events).toEqual([
      {
        type: 'UserRoleChanged',
        data: { userId: id, previousRole: 'agent', role: 'engineer', repairPointId: 'rp-dubai' },
      },
    ]);
    expect(evolveAccount(agent, events[0]!)).toEqual({
      id,
      role: 'engineer',
      repairPointId: 'rp-dubai',
      disabled: false,
    });
  });

  it('when an engineer moves to another repair point, records the move', () => {
    const events = decideAccountChange(
      changeAccess({ role: 'engineer', repairPointId: 'rp-dubai' }),
      engineer,
    );
    expect(events).toEqual([
      {
        type: 'UserRepairPointChanged',
        data: { userId: id, previousRepairPointId: 'rp-shenzhen', repairPointId: 'rp-dubai' },
      },
    ]);
    expect(evolveAccount(engineer, events[0]!).repairPointId).toBe('rp-dubai');
  });

  it('records nothing for a change to what the account already is', () => {
    expect(
      decideAccountChange(changeAccess({ role: 'engineer', repairPointId: 'rp-shenzhen' }), engineer),
    ).toEqual([]);
    expect(decideAccountChange(enable, agent)).toEqual([]);
    expect(decideAccountChange(disable, { ...agent, disabled: true })).toEqual([]);
  });

  it('disables an active account and enables a disabled one', () => {
    expect(decideAccountChange(disable, agent)).toEqual([{ type: 'UserDisabled', data: { userId: id } }]);
    const disabled = evolveAccount(agent, { type: 'UserDisabled', data: { userId: id } });
    expect(disabled.disabled).toBe(true);
    expect(decideAccountChange(enable, disabled)).toEqual([{ type: 'UserEnabled', data: { userId: id } }]);
  });

  it('refuses an admin who would disable their own account or change their own role', () => {
    const self = { ...metadata, actor: `user:${id}` };
    const admin: Account = { id, role: 'admin', disabled: false };
    expect(() => decideAccountChange({ ...disable, metadata: self }, admin)).toThrow(ForbiddenError);
    expect(() => decideAccountChange({ ...changeAccess({ role: 'agent' }), metadata: self }, admin)).toThrow(
      'You cannot change your own role',
    );
  });

  it('refuses an account that does not exist', () => {
    expect(() => decideAccountChange(disable, undefined)).toThrow(NotFoundError);
  });
});
