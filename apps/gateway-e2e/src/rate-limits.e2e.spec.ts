import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';
import { Client, DEMO_PASSWORD, demoEmail } from './client.js';

const limits = { RATE_LIMIT_REGISTRATION: '3/1h', RATE_LIMIT_SIGN_IN: '4/1h' };

const registration = () => ({
  email: `flood.${randomUUID()}@example.com`,
  password: 'a long enough password',
  displayName: 'Flood',
});

const wrongSignIn = { email: demoEmail.customer, password: 'not the password' };

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

/** A 429 in the error shape, whose `Retry-After` is within the budget's window of an hour. */
function expectLimited(answer: Awaited<ReturnType<typeof post>>) {
  expect(answer.status).toBe(429);
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(3_500);
  expect(retryAfter).toBeLessThanOrEqual(3_600);
  expect(answer.body).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    code: 'rate_limited',
    message: `Too many requests from your address; try again in ${retryAfter} seconds`,
    params: { retryAfterSeconds: retryAfter },
    details: { retryAfterSeconds: retryAfter },
  });
}

async function sessionAddresses(url: string, headers: Record<string, string> = {}) {
  const signedIn = await post(
    url,
    '/api/auth/login',
    { email: demoEmail.agent, password: DEMO_PASSWORD },
    headers,
  );
  expect(signedIn.status).toBe(200);
  const { accessToken } = signedIn.body as { accessToken: string };
  const sessions = await new Client(url).call<{ address: string; current: boolean }[]>(
    'GET',
    '/api/me/sessions',
    {
      token: accessToken,
    },
  );
  return sessions.body.find((s) => s.current)!.address;
}

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('rate limits in the %s mode', (_, start) => {
  describe('without a trusted proxy', () => {
    let product: RunningProduct;

    beforeAll(async () => {
      product = await start({ env: limits });
    });

    afterAll(() => product?.stop());

    it('answers a registration flood and a sign-in flood with 429 and Retry-After, each budget its own', async () => {
      for (let i = 0; i < 3; i++) {
        expect((await post(product.url, '/api/auth/register', registration())).status).toBe(201);
      }
      const refused = registration();
      expectLimited(await post(product.url, '/api/auth/register', refused));
      // Sign-in has a budget of its own, and the refused registration created no account.
      const asRefused = { email: refused.email, password: refused.password };
      expect((await post(product.url, '/api/auth/login', asRefused)).status).toBe(401);
      for (let i = 0; i < 3; i++) {
        // Without a trusted proxy the header is the client's say-so, and changes nothing.
        const spoofed = { 'x-forwarded-for': `203.0.113.${i + 1}` };
        expect((await post(product.url, '/api/auth/login', wrongSignIn, spoofed)).status).toBe(401);
      }
      const owner = { email: demoEmail.customer, password: DEMO_PASSWORD };
      expectLimited(await post(product.url, '/api/auth/login', owner));
      expectLimited(await post(product.url, '/api/auth/login', owner, { 'x-forwarded-for': '203.0.113.99' }));
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY)', () => {
    let product: RunningProduct;

    beforeAll(async () => {
      product = await start({ env: { ...limits, TRUST_PROXY: '127.0.0.1,::1' } });
    });

    afterAll(() => product?.stop());

    it("keeps each client's budget by the address X-Forwarded-For names", async () => {
      const client = { 'x-forwarded-for': '198.51.100.20' };
      for (let i = 0; i < 4; i++) {
        expect((await post(product.url, '/api/auth/login', wrongSignIn, client)).status).toBe(401);
      }
      expectLimited(await post(product.url, '/api/auth/login', wrongSignIn, client));
      // The proxy itself appends the address it saw: the rightmost untrusted one is the client.
      expectLimited(
        await post(product.url, '/api/auth/login', wrongSignIn, {
          'x-forwarded-for': '10.9.9.9, 198.51.100.20',
        }),
      );
      const another = await post(
        product.url,
        '/api/auth/login',
        { email: demoEmail.customer, password: DEMO_PASSWORD },
        { 'x-forwarded-for': '198.51.100.21' },
      );
      expect(another.status).toBe(200);
    });

    it('lists a session under the address X-Forwarded-For names', async () => {
      await expect(sessionAddresses(product.url, { 'x-forwarded-for': '198.51.100.30' })).resolves.toBe(
        '198.51.100.30',
      );
    });
  });

  describe('the sign-in lockout behind a trusted proxy', () => {
    let product: RunningProduct;

    beforeAll(async () => {
      // The gateway's own budgets stay out of the way: this is the identity service's lockout.
      product = await start({ env: { TRUST_PROXY: '127.0.0.1,::1' } });
    });

    afterAll(() => product?.stop());

    it('locks out an address that guesses the admin password, while the admin signs in from another', async () => {
      const attacker = { 'x-forwarded-for': '192.0.2.66' };
      for (let i = 0; i < 5; i++) {
        const guess = { email: demoEmail.admin, password: `guess-${i}` };
        expect((await post(product.url, '/api/auth/login', guess, attacker)).status).toBe(401);
      }
      const locked = await post(
        product.url,
        '/api/auth/login',
        { email: demoEmail.admin, password: DEMO_PASSWORD },
        attacker,
      );
      expect(locked.status).toBe(429);
      expect(locked.body).toMatchObject({ code: 'sign_in_throttled' });
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      const owner = await post(
        product.url,
        '/api/auth/login',
        { email: demoEmail.admin, password: DEMO_PASSWORD },
        { 'x-forwarded-for': '198.51.100.77' },
      );
      expect(owner.status).toBe(200);
      // The owner's success does not lift the attacker's lockout.
      const stillLocked = await post(
        product.url,
        '/api/auth/login',
        { email: demoEmail.admin, password: DEMO_PASSWORD },
        attacker,
      );
      expect(stillLocked.status).toBe(429);
    });
  });

  it('lists a session under the connecting address when no proxy is trusted', async () => {
    const product = await start();
    try {
      const address = await sessionAddresses(product.url, { 'x-forwarded-for': '198.51.100.40' });
      expect(['127.0.0.1', '::1', '::ffff:127.0.0.1']).toContain(address);
    } finally {
      await product.stop();
    }
  });
});

describe('two gateway replicas in the distributed mode', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startDistributed({ gateways: 2, env: limits });
  });

  afterAll(() => product?.stop());

  it('spend one shared budget: a flood split across both is limited at the shared total', async () => {
    const [first, second] = product.gatewayUrls!;
    const statuses: number[] = [];
    for (const url of [first!, second!, first!, second!, first!, second!]) {
      statuses.push((await post(url, '/api/auth/login', wrongSignIn)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('count requests that arrive at both at once without losing one', async () => {
    const [first, second] = product.gatewayUrls!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(i % 2 ? first! : second!, '/api/auth/register', registration()),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
  });
});
