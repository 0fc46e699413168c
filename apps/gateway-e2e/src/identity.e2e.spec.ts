import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, SignJWT } from 'jose';
import { Client, DEMO_PASSWORD, demoEmail } from './client.js';
import { type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('identity in the %s mode', (_, start) => {
  let product: RunningProduct;
  let admin: string;
  const client = () => new Client(product.url);

  beforeAll(async () => {
    product = await start();
    admin = await client().signIn(demoEmail.admin);
  });

  afterAll(() => product?.stop());

  describe('registration', () => {
    it('creates a customer account, signs it in and keeps the refresh token in an httpOnly cookie', async () => {
      const c = client();
      const registered = await c.call<{ accessToken: string; user: { role: string } }>(
        'POST',
        '/api/auth/register',
        {
          body: { email: ' New.Farm@Example.com ', password: 'correct horse battery', displayName: '新矿场' },
        },
      );
      expect(registered.status).toBe(201);
      expect(registered.body.user).toMatchObject({ email: 'new.farm@example.com', role: 'customer' });
      expect(registered.headers.get('set-cookie')).toMatch(
        /aftersales_refresh=.+; Max-Age=\d+; Path=\/api\/auth; HttpOnly; SameSite=Strict/,
      );
      const me = await c.call('GET', '/api/me', { token: registered.body.accessToken });
      expect(me.body).toMatchObject({ email: 'new.farm@example.com', displayName: '新矿场' });
    });

    it('refuses an email that has an account', async () => {
      const response = await client().call('POST', '/api/auth/register', {
        body: { email: demoEmail.customer, password: 'long enough pass', displayName: 'x' },
      });
      expect(response.status).toBe(409);
      expect(response.body.message).toBe('An account with the email customer@example.com exists already');
    });

    it.each([
      [{ password: 'long enough pass', displayName: 'x' }, 'email: is required'],
      [
        { email: 'not-an-email', password: 'long enough pass', displayName: 'x' },
        'email: must be an email address',
      ],
      [
        { email: 'short@example.com', password: 'short', displayName: 'x' },
        'password: must be at least 10 characters',
      ],
      [
        { email: 'blank@example.com', password: 'long enough pass', displayName: '  ' },
        'displayName: is required',
      ],
      [
        { email: 'role@example.com', password: 'long enough pass', displayName: 'x', role: 'admin' },
        'Unrecognized key: "role"',
      ],
    ])('answers 400 naming what is wrong in %j, and creates nothing', async (body, message) => {
      const response = await client().call('POST', '/api/auth/register', { body });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
      const email = (body as { email?: string }).email?.trim().toLowerCase();
      const users = await client().call<{ email: string }[]>('GET', '/api/admin/users', { token: admin });
      expect(users.body.map((u) => u.email)).not.toContain(email);
    });
  });

  describe('sessions', () => {
    it('ends the session on sign-out: the access token and the refresh cookie stop working at once', async () => {
      const c = client();
      const token = await c.signIn(demoEmail.customer);
      expect((await c.call('GET', '/api/me', { token })).status).toBe(200);
      const cookie = c.refreshCookie;
      const out = await c.call('POST', '/api/auth/logout', { token });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/aftersales_refresh=;/);
      const after = await c.call('GET', '/api/me', { token });
      expect(after.status).toBe(401);
      expect(after.body.message).toBe('The session has ended; please sign in');
      c.refreshCookie = cookie;
      expect((await c.call('POST', '/api/auth/refresh')).status).toBe(401);
    });

    it('lists the sessions of the account and ends another one at once, tokens and refresh cookie alike', async () => {
      const laptop = client();
      const laptopToken = await laptop.signIn(demoEmail.engineer);
      const phone = client();
      const phoneToken = await phone.call<{ accessToken: string }>('POST', '/api/auth/login', {
        body: { email: demoEmail.engineer, password: DEMO_PASSWORD },
        headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile Safari' },
      });
      type Session = {
        id: string;
        current: boolean;
        userAgent?: string;
        address: string;
        lastActiveAt: string;
      };
      const listed = await laptop.call<Session[]>('GET', '/api/me/sessions', { token: laptopToken });
      expect(listed.status).toBe(200);
      const phoneSession = listed.body.find((s) => s.userAgent === 'Mozilla/5.0 (iPhone) Mobile Safari')!;
      expect(phoneSession).toMatchObject({ current: false, address: expect.any(String) });
      expect(listed.body.filter((s) => s.current)).toHaveLength(1);
      expect((await phone.call('GET', '/api/me', { token: phoneToken.body.accessToken })).status).toBe(200);

      const ended = await laptop.call('DELETE', `/api/me/sessions/${phoneSession.id}`, {
        token: laptopToken,
      });
      expect(ended.status).toBe(204);
      const after = await phone.call('GET', '/api/me', { token: phoneToken.body.accessToken });
      expect(after.status).toBe(401);
      expect(after.body.message).toBe('The session has ended; please sign in');
      expect((await phone.call('POST', '/api/auth/refresh')).status).toBe(401);
      const remaining = await laptop.call<Session[]>('GET', '/api/me/sessions', { token: laptopToken });
      expect(remaining.body.map((s) => s.id)).not.toContain(phoneSession.id);
      expect((await laptop.call('GET', '/api/me', { token: laptopToken })).status).toBe(200);
      // Ending it again changes nothing and says so the same way: a retried click is not an error.
      expect(
        (await laptop.call('DELETE', `/api/me/sessions/${phoneSession.id}`, { token: laptopToken })).status,
      ).toBe(204);
    });

    it('answers 400 for a session id that is not one, and 404 for one that does not exist', async () => {
      const token = await client().signIn(demoEmail.agent);
      const malformed = await client().call('DELETE', '/api/me/sessions/yesterday', { token });
      expect(malformed.status).toBe(400);
      expect(malformed.body.message).toBe('id: must be a UUID');
      const id = '00000000-0000-4000-8000-000000000000';
      const unknown = await client().call('DELETE', `/api/me/sessions/${id}`, { token });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe(`No session ${id}`);
    });

    it('rotates the refresh token, and a reused one ends the whole session', async () => {
      const c = client();
      const first = await c.signIn(demoEmail.agent);
      const stolen = c.refreshCookie;
      const refreshed = await c.call<{ accessToken: string }>('POST', '/api/auth/refresh');
      expect(refreshed.status).toBe(200);
      expect(c.refreshCookie).not.toBe(stolen);
      const current = c.refreshCookie;
      // Both access tokens are in use, so the gateway knows them when the session ends.
      expect((await c.call('GET', '/api/me', { token: first })).status).toBe(200);
      expect((await c.call('GET', '/api/me', { token: refreshed.body.accessToken })).status).toBe(200);

      const thief = client();
      thief.refreshCookie = stolen;
      const replay = await thief.call('POST', '/api/auth/refresh');
      expect(replay.status).toBe(401);
      expect(replay.body.message).toMatch(/used from somewhere else/);

      c.refreshCookie = current;
      expect((await c.call('POST', '/api/auth/refresh')).status).toBe(401);
      expect((await c.call('GET', '/api/me', { token: refreshed.body.accessToken })).status).toBe(401);
      expect((await c.call('GET', '/api/me', { token: first })).status).toBe(401);
    });

    it('takes the role from the account, not from the token, so a token re-signed as admin gets nothing more', async () => {
      const c = client();
      const token = await c.signIn(demoEmail.customer);
      const claims = decodeJwt(token);
      const forged = await new SignJWT({ ...claims, role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(product.authSecret));
      const response = await c.call('GET', '/api/admin/users', { token: forged });
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('This needs one of the roles: admin');
      const elsewhere = await new SignJWT({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(product.authSecret));
      expect((await c.call('GET', '/api/me', { token: elsewhere })).status).toBe(401);
    });

    it('answers 401 for a refresh without a cookie and for a made-up token', async () => {
      const none = await client().call('POST', '/api/auth/refresh');
      expect(none.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        code: 'no_session',
        message: 'There is no session to refresh; please sign in',
      });
      const c = client();
      c.refreshCookie = 'aftersales_refresh=made-up';
      expect((await c.call('POST', '/api/auth/refresh')).body.message).toBe(
        'The session is unknown; please sign in',
      );
    });

    it.each([
      [{}, 'email: is required; password: is required'],
      [{ email: 'a@b.co', password: '' }, 'password: is required'],
      [{ email: 'a@b.co', password: 'x', remember: true }, 'Unrecognized key: "remember"'],
    ])('answers 400 to a sign-in with %j', async (body, message) => {
      const response = await client().call('POST', '/api/auth/login', { body });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
    });
  });

  describe('administration', () => {
    it('lets admins create engineers bound to a repair point, who then act for it', async () => {
      const created = await client().call('POST', '/api/admin/users', {
        token: admin,
        body: {
          email: 'eng2@example.com',
          password: 'long enough pass',
          displayName: '工程师二',
          role: 'engineer',
          repairPointId: 'rp-dubai',
        },
      });
      expect(created.status).toBe(201);
      const engineer = await client().signIn('eng2@example.com', 'long enough pass');
      const me = await client().call('GET', '/api/repair-point/me', { token: engineer });
      expect(me.body).toEqual({ repairPointId: 'rp-dubai', via: 'user' });
      const users = await client().call<{ email: string }[]>('GET', '/api/admin/users', { token: admin });
      expect(users.body.map((u) => u.email)).toEqual(
        expect.arrayContaining(['eng2@example.com', demoEmail.admin]),
      );
      expect(JSON.stringify(users.body)).not.toMatch(/password/i);
    });

    it.each([
      [
        { email: 'e3@example.com', password: 'long enough pass', displayName: 'x', role: 'engineer' },
        'repairPointId: an engineer needs a repairPointId, and only an engineer has one',
      ],
      [
        { email: 'e4@example.com', password: 'long enough pass', displayName: 'x', role: 'boss' },
        'role: Invalid option: expected one of "customer"|"agent"|"engineer"|"admin"',
      ],
    ])('answers 400 to an invalid new user %j and creates nothing', async (body, message) => {
      const response = await client().call('POST', '/api/admin/users', { token: admin, body });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
      const users = await client().call<{ email: string }[]>('GET', '/api/admin/users', { token: admin });
      expect(users.body.map((u) => u.email)).not.toContain(body.email);
    });

    it('issues an API key once, authenticates the repair point with it, and stops it on revocation', async () => {
      const created = await client().call<{ id: string; key: string; prefix: string }>(
        'POST',
        '/api/admin/api-keys',
        {
          token: admin,
          body: { repairPointId: 'rp-shenzhen', name: 'ERP integration' },
        },
      );
      expect(created.status).toBe(201);
      const { id, key, prefix } = created.body;
      expect(key.startsWith(prefix)).toBe(true);

      const me = await client().call('GET', '/api/repair-point/me', { apiKey: key });
      expect(me.body).toEqual({ repairPointId: 'rp-shenzhen', via: 'api-key' });
      expect((await client().call('GET', '/api/me', { apiKey: key })).status).toBe(403);

      const listed = await client().call<object[]>('GET', '/api/admin/api-keys', { token: admin });
      expect(listed.body).toContainEqual(expect.objectContaining({ id, prefix, name: 'ERP integration' }));
      expect(JSON.stringify(listed.body)).not.toContain(key);

      const revoked = await client().call('DELETE', `/api/admin/api-keys/${id}`, { token: admin });
      expect(revoked.body).toMatchObject({ id, revokedAt: expect.any(String) });
      const after = await client().call('GET', '/api/repair-point/me', { apiKey: key });
      expect(after.status).toBe(401);
      expect(after.body.message).toBe('The API key is unknown or revoked');
    });

    it('refuses engineers and API keys for a repair point the service network does not know', async () => {
      const key = await client().call('POST', '/api/admin/api-keys', {
        token: admin,
        body: { repairPointId: 'rp-atlantis', name: 'x' },
      });
      expect(key.status).toBe(400);
      expect(key.body.message).toBe('repairPointId: no repair point rp-atlantis is registered');
      const engineer = await client().call('POST', '/api/admin/users', {
        token: admin,
        body: {
          email: 'lost@example.com',
          password: 'long enough pass',
          displayName: 'x',
          role: 'engineer',
          repairPointId: 'rp-atlantis',
        },
      });
      expect(engineer.status).toBe(400);
    });

    it('answers 400 and 404 for API-key requests that name nothing valid', async () => {
      const bad = await client().call('POST', '/api/admin/api-keys', {
        token: admin,
        body: { repairPointId: 'RP 1', name: '' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe(
        'repairPointId: must be 2 to 64 lowercase letters, digits or -; name: is required',
      );
      expect(
        (await client().call('DELETE', '/api/admin/api-keys/not-a-uuid', { token: admin })).body.message,
      ).toBe('id: must be a UUID');
      const unknown = await client().call(
        'DELETE',
        '/api/admin/api-keys/00000000-0000-4000-8000-000000000000',
        { token: admin },
      );
      expect(unknown.status).toBe(404);
    });
  });

  describe('sign-in throttle', () => {
    it('makes an address wait after five failed sign-ins of an account, even with the right password, and says when to retry', async () => {
      for (let i = 0; i < 5; i++) {
        const failed = await client().call('POST', '/api/auth/login', {
          body: { email: demoEmail.engineer, password: `wrong-${i}` },
        });
        expect(failed.status).toBe(401);
      }
      const blocked = await client().call('POST', '/api/auth/login', {
        body: { email: demoEmail.engineer, password: DEMO_PASSWORD },
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toBe(
        'Too many failed sign-ins for this account from your address; try again in 1 minute',
      );
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(30);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(
        (
          await client().call('POST', '/api/auth/login', {
            body: { email: demoEmail.agent, password: DEMO_PASSWORD },
          })
        ).status,
      ).toBe(200);
    });

    it('counts parallel guesses against one another', async () => {
      const email = 'parallel.guess@example.com';
      const guesses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          client().call('POST', '/api/auth/login', { body: { email, password: `guess-${i}` } }),
        ),
      );
      const statuses = guesses.map((g) => g.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    });

    it('stops an address that fails against many accounts', async () => {
      for (let i = 0; i < 20; i++) {
        await client().call('POST', '/api/auth/login', {
          body: { email: `guess${i}@example.com`, password: 'wrong-password' },
        });
      }
      const blocked = await client().call('POST', '/api/auth/login', {
        body: { email: demoEmail.agent, password: DEMO_PASSWORD },
      });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toMatch(/your address/);
    });
  });
});
