import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningProduct, startDistributed, startEmbedded, waitUntil } from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';

const password = 'a long enough password';

interface User {
  id: string;
  email: string;
  role: string;
  repairPointId?: string;
  disabledAt?: string;
}

interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  subject: { kind: string; id: string };
  details: Record<string, unknown>;
}

interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('taking access away in the %s mode', (_, start) => {
  let product: RunningProduct;
  let admin: string;
  let adminId: string;
  const client = () => new Client(product.url);

  /** An account of a role made for one test, with a unique email. */
  async function createAccount(role: string, repairPointId?: string): Promise<User & { email: string }> {
    const email = `${role}.${randomUUID()}@example.com`;
    const created = await client().call<User>('POST', '/api/admin/users', {
      token: admin,
      body: {
        email,
        password,
        displayName: `${role} 测试`,
        role,
        ...(repairPointId ? { repairPointId } : {}),
      },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const audit = async (query = '') =>
    (await client().call<AuditPage>('GET', `/api/admin/audit${query}`, { token: admin })).body;

  beforeAll(async () => {
    product = await start();
    admin = await client().signIn(demoEmail.admin);
    adminId = (await client().call<User>('GET', '/api/me', { token: admin })).body.id;
  });

  afterAll(() => product?.stop());

  describe('accounts', () => {
    it('finds accounts by a part of the email or the name, in any case', async () => {
      const engineer = await createAccount('engineer', 'rp-shenzhen');
      const needle = engineer.email.slice('engineer.'.length, 'engineer.'.length + 8).toUpperCase();
      const found = await client().call<User[]>('GET', `/api/admin/users?q=${needle}`, { token: admin });
      expect(found.status).toBe(200);
      expect(found.body.map((u) => u.email)).toEqual([engineer.email]);
      const byName = await client().call<User[]>(
        'GET',
        `/api/admin/users?q=${encodeURIComponent('ENGINEER 测试')}`,
        {
          token: admin,
        },
      );
      expect(byName.body.map((u) => u.email)).toContain(engineer.email);
      // A % is the character itself, not a pattern that matches everyone.
      const percent = await client().call<User[]>('GET', '/api/admin/users?q=%25', { token: admin });
      expect(percent.body).toEqual([]);
    });

    it('disables an account: the token in use, the refresh cookie and sign-in stop at once, until it is enabled', async () => {
      const agent = await createAccount('agent');
      const browser = client();
      const token = await browser.signIn(agent.email, password);
      // Used once, so the gateway remembers whom the token stands for.
      expect((await browser.call('GET', '/api/me', { token })).status).toBe(200);

      const disabled = await client().call<User>('POST', `/api/admin/users/${agent.id}/disable`, {
        token: admin,
      });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: agent.id, disabledAt: expect.any(String) });

      const after = await browser.call('GET', '/api/me', { token });
      expect(after.status).toBe(401);
      expect(after.body.message).toBe('The session has ended; please sign in');
      expect((await browser.call('POST', '/api/auth/refresh')).status).toBe(401);
      const signIn = await client().call('POST', '/api/auth/login', {
        body: { email: agent.email, password },
      });
      expect(signIn.status).toBe(403);
      expect(signIn.body.message).toBe('This account is disabled; ask an administrator');
      const listed = await client().call<User[]>('GET', `/api/admin/users?q=${agent.email}`, {
        token: admin,
      });
      expect(listed.body[0]).toMatchObject({ id: agent.id, disabledAt: disabled.body.disabledAt });

      const enabled = await client().call<User>('POST', `/api/admin/users/${agent.id}/enable`, {
        token: admin,
      });
      expect(enabled.status).toBe(200);
      expect(enabled.body.disabledAt).toBeUndefined();
      const again = await client().signIn(agent.email, password);
      expect((await client().call('GET', '/api/me', { token: again })).status).toBe(200);
    });

    it("changes a role and an engineer's repair point on a token already in use", async () => {
      const engineer = await createAccount('engineer', 'rp-shenzhen');
      const token = await client().signIn(engineer.email, password);
      const point = () => client().call<{ repairPointId: string }>('GET', '/api/repair-point/me', { token });
      expect((await point()).body).toEqual({ repairPointId: 'rp-shenzhen', via: 'user' });
      expect((await client().call('GET', '/api/admin/users', { token })).status).toBe(403);

      const moved = await client().call<User>('PATCH', `/api/admin/users/${engineer.id}`, {
        token: admin,
        body: { role: 'engineer', repairPointId: 'rp-dubai' },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ role: 'engineer', repairPointId: 'rp-dubai' });
      expect((await point()).body).toEqual({ repairPointId: 'rp-dubai', via: 'user' });

      const promoted = await client().call<User>('PATCH', `/api/admin/users/${engineer.id}`, {
        token: admin,
        body: { role: 'admin' },
      });
      expect(promoted.body.repairPointId).toBeUndefined();
      expect((await client().call('GET', '/api/admin/users', { token })).status).toBe(200);
      expect((await point()).status).toBe(403);
    });

    it('refuses an admin who would disable their own account or give up their own role', async () => {
      const self = await client().call('POST', `/api/admin/users/${adminId}/disable`, { token: admin });
      expect(self.status).toBe(403);
      expect(self.body.message).toBe('You cannot disable your own account');
      const demote = await client().call('PATCH', `/api/admin/users/${adminId}`, {
        token: admin,
        body: { role: 'agent' },
      });
      expect(demote.status).toBe(403);
      expect((await client().call('GET', '/api/admin/users', { token: admin })).status).toBe(200);
    });
  });

  describe('API keys', () => {
    it('refuses a key past its expiry', async () => {
      const expiresAt = new Date(Date.now() + 3_000).toISOString();
      const created = await client().call<{ key: string; expiresAt: string }>('POST', '/api/admin/api-keys', {
        token: admin,
        body: { repairPointId: 'rp-shenzhen', name: 'short-lived', expiresAt },
      });
      expect(created.status).toBe(201);
      expect(created.body.expiresAt).toBe(expiresAt);
      const me = () => client().call('GET', '/api/repair-point/me', { apiKey: created.body.key });
      expect((await me()).status).toBe(200);
      await waitUntil('the key expired', async () => (await me()).status === 401);
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
      expect((await me()).body.message).toBe('The API key has expired');
    });

    it('stops the keys of a deactivated repair point, and starts them again when it is reactivated', async () => {
      const id = `tp-${randomUUID().slice(0, 8)}`;
      const input = {
        kind: 'third_party',
        name: 'Test Miner Service',
        country: 'KZ',
        region: 'Almaty',
        city: 'Almaty',
        address: '1 Test St',
        contact: 'Test',
        phone: '+7 727 000 0001',
      };
      expect(
        (await client().call('POST', '/api/admin/repair-points', { token: admin, body: { id, ...input } }))
          .status,
      ).toBe(201);
      const key = (
        await client().call<{ key: string }>('POST', '/api/admin/api-keys', {
          token: admin,
          body: { repairPointId: id, name: 'point system' },
        })
      ).body.key;
      const me = () => client().call('GET', '/api/repair-point/me', { apiKey: key });
      expect((await me()).body).toEqual({ repairPointId: id, via: 'api-key' });

      const deactivated = await client().call('PUT', `/api/admin/repair-points/${id}`, {
        token: admin,
        body: { ...input, active: false },
        headers: { 'if-match': '"1"' },
      });
      expect(deactivated.status).toBe(200);
      await waitUntil('the deactivated point’s key is refused', async () => (await me()).status === 401);
      expect((await me()).body.message).toBe("The API key's repair point is deactivated");

      await client().call('PUT', `/api/admin/repair-points/${id}`, {
        token: admin,
        body: { ...input, active: true },
        headers: { 'if-match': '"2"' },
      });
      await waitUntil('the reactivated point’s key works again', async () => (await me()).status === 200);
      expect((await me()).body).toEqual({ repairPointId: id, via: 'api-key' });

      const trail = await audit('?pageSize=100');
      const ofPoint = trail.entries.filter((e) => e.subject.kind === 'repair-point' && e.subject.id === id);
      expect(ofPoint.map((e) => [e.action, e.actor, e.details.active])).toEqual([
        ['RepairPointChanged', `user:${adminId}`, true],
        ['RepairPointChanged', `user:${adminId}`, false],
        ['RepairPointRegistered', `user:${adminId}`, true],
      ]);
    });
  });

  describe('the audit trail', () => {
    it('shows who did what to which account and key, and when, newest first', async () => {
      const before = Date.now();
      const agent = await createAccount('agent');
      await client().call('PATCH', `/api/admin/users/${agent.id}`, {
        token: admin,
        body: { role: 'customer' },
      });
      await client().call('POST', `/api/admin/users/${agent.id}/disable`, { token: admin });
      const key = await client().call<{ id: string }>('POST', '/api/admin/api-keys', {
        token: admin,
        body: { repairPointId: 'rp-dubai', name: 'audited' },
      });
      await client().call('DELETE', `/api/admin/api-keys/${key.body.id}`, { token: admin });

      const trail = await audit();
      expect(trail).toMatchObject({ page: 1, pageSize: 50 });
      const mine = trail.entries.filter((e) => [agent.id, key.body.id].includes(e.subject.id));
      expect(mine.map((e) => [e.action, e.subject.kind, e.actor])).toEqual([
        ['ApiKeyRevoked', 'api-key', `user:${adminId}`],
        ['ApiKeyCreated', 'api-key', `user:${adminId}`],
        ['UserDisabled', 'user', `user:${adminId}`],
        ['UserRoleChanged', 'user', `user:${adminId}`],
        ['UserCreated', 'user', `user:${adminId}`],
      ]);
      expect(mine.find((e) => e.action === 'UserRoleChanged')!.details).toMatchObject({
        previousRole: 'agent',
        role: 'customer',
      });
      expect(mine.find((e) => e.action === 'ApiKeyCreated')!.details).toMatchObject({
        repairPointId: 'rp-dubai',
        name: 'audited',
      });
      for (const entry of mine) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before - 1_000);

      const first = await audit('?page=1&pageSize=2');
      const second = await audit('?page=2&pageSize=2');
      expect(first.entries).toHaveLength(2);
      expect(first.total).toBe(trail.total);
      expect(second.entries[0]!.id).toBe(trail.entries[2]!.id);
    });

    it('is for admins only', async () => {
      const agent = await client().signIn(demoEmail.agent);
      expect((await client().call('GET', '/api/admin/audit', { token: agent })).status).toBe(403);
      expect((await client().call('GET', '/api/admin/audit')).status).toBe(401);
    });
  });

  describe('bad input', () => {
    it.each([
      ['PATCH', '/api/admin/users/not-a-uuid', { role: 'agent' }, 'id: must be a UUID'],
      [
        'PATCH',
        '/api/admin/users/{id}',
        { role: 'boss' },
        'role: Invalid option: expected one of "customer"|"agent"|"engineer"|"admin"',
      ],
      [
        'PATCH',
        '/api/admin/users/{id}',
        { role: 'engineer' },
        'repairPointId: an engineer needs a repairPointId, and only an engineer has one',
      ],
      [
        'PATCH',
        '/api/admin/users/{id}',
        { role: 'engineer', repairPointId: 'rp-atlantis' },
        'repairPointId: no repair point rp-atlantis is registered',
      ],
      [
        'PATCH',
        '/api/admin/users/{id}',
        { role: 'agent', email: 'x@example.com' },
        'Unrecognized key: "email"',
      ],
      ['POST', '/api/admin/users/42/disable', undefined, 'id: must be a UUID'],
      ['POST', '/api/admin/users/42/enable', undefined, 'id: must be a UUID'],
      [
        'POST',
        '/api/admin/api-keys',
        { repairPointId: 'rp-dubai', name: 'x', expiresAt: 'tomorrow' },
        'expiresAt: must be an ISO 8601 date and time',
      ],
      [
        'POST',
        '/api/admin/api-keys',
        { repairPointId: 'rp-dubai', name: 'x', expiresAt: '2020-01-01T00:00:00Z' },
        'expiresAt: must be in the future',
      ],
      ['GET', '/api/admin/audit?page=0', undefined, 'page: must be a whole number from 1'],
      ['GET', '/api/admin/audit?pageSize=500', undefined, 'pageSize: must be a whole number from 1 to 100'],
      ['GET', `/api/admin/users?q=${'x'.repeat(101)}`, undefined, 'q: must be at most 100 characters'],
    ])(
      'answers 400 to %s %s with %j naming what is wrong, and writes nothing',
      async (method, path, body, message) => {
        const engineer = await createAccount('engineer', 'rp-shenzhen');
        const { total } = await audit();
        const keys = (await client().call<object[]>('GET', '/api/admin/api-keys', { token: admin })).body
          .length;
        const response = await client().call(method, path.replace('{id}', engineer.id), {
          token: admin,
          body,
        });
        expect(response.status).toBe(400);
        expect(response.body.message).toBe(message);
        expect((await audit()).total).toBe(total);
        expect(
          (await client().call<object[]>('GET', '/api/admin/api-keys', { token: admin })).body,
        ).toHaveLength(keys);
        const [unchanged] = (
          await client().call<User[]>('GET', `/api/admin/users?q=${engineer.email}`, { token: admin })
        ).body;
        expect(unchanged).toMatchObject({ role: 'engineer', repairPointId: 'rp-shenzhen' });
        expect(unchanged!.disabledAt).toBeUndefined();
      },
    );

    it('answers 404 for an account that does not exist', async () => {
      const nobody = '00000000-0000-4000-8000-000000000000';
      const changed = await client().call('PATCH', `/api/admin/users/${nobody}`, {
        token: admin,
        body: { role: 'agent' },
      });
      expect(changed.status).toBe(404);
      expect(
        (await client().call('POST', `/api/admin/users/${nobody}/disable`, { token: admin })).status,
      ).toBe(404);
    });
  });
});
