import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Client, demoEmail } from './client.js';
import { type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';

type Rule = { public: true } | { roles: string[]; apiKeys?: boolean; owned?: string };
interface Route {
  method: string;
  /** The path as documented, with `{id}` and `{sn}` left in. */
  template: string;
  path: string;
  rule?: Rule;
}

/**
 * For each kind of object a rule can name (`owned`): how a customer gets one, and whether it is still as it
 * was. A route guarding a kind that is missing here fails the test, so a new kind is covered from its first
 * route.
 */
interface OwnedObject {
  create(client: Client, token: string): Promise<string>;
  intact(client: Client, token: string, id: string): Promise<boolean>;
}

const ownedObjects: Record<string, OwnedObject> = {
  session: {
    create: async (client, token) =>
      (await client.call<{ id: string; current: boolean }[]>('GET', '/api/me/sessions', { token })).body.find(
        (s) => s.current,
      )!.id,
    intact: async (client, token) => (await client.call('GET', '/api/me', { token })).status === 200,
  },
};

type Caller = 'nobody' | 'expired' | 'customer' | 'agent' | 'engineer' | 'admin' | 'api-key';
const callers: Caller[] = ['nobody', 'expired', 'customer', 'agent', 'engineer', 'admin', 'api-key'];

/** What the gateway's access guard answers when it refuses; anything else means it let the call through. */
const refusals = [
  'Sign in to continue',
  'The access token is invalid or has expired',
  'The session has ended; please sign in',
  'API keys may not call this route',
  /^This needs one of the roles/,
];

function allowed(rule: Rule, caller: Caller): boolean {
  if ('public' in rule) return true;
  if (caller === 'api-key') return rule.apiKeys === true;
  return rule.roles.includes(caller);
}

function refused(status: number, message: unknown): boolean {
  return (
    (status === 401 || status === 403) &&
    refusals.some((r) => (typeof r === 'string' ? r === message : r.test(String(message))))
  );
}

/** The documented routes of the running gateway, read from its router's OpenAPI description. */
async function routesOf(url: string): Promise<Route[]> {
  const document = (await (await fetch(`${url}/api/docs-json`)).json()) as {
    paths: Record<string, Record<string, { 'x-access'?: Rule }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template: path,
      path: path.replace('{sn}', 'ZH10014510045').replace('{id}', randomUUID()),
      rule: operation['x-access'],
    })),
  );
}

/** A correctly signed token that expired a minute ago. */
async function expiredToken(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: 'admin', sid: randomUUID() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(randomUUID())
    .setIssuer('aftersales-identity')
    .setIssuedAt(now - 1_000)
    .setExpirationTime(now - 60)
    .sign(new TextEncoder().encode(secret));
}

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('access matrix in the %s mode', (_, start) => {
  let product: RunningProduct;
  let routes: Route[];
  let apiKey: string;

  beforeAll(async () => {
    product = await start();
    routes = await routesOf(product.url);
    const admin = await new Client(product.url).signIn(demoEmail.admin);
    const key = await new Client(product.url).call<{ key: string }>('POST', '/api/admin/api-keys', {
      token: admin,
      body: { repairPointId: 'rp-shenzhen', name: 'matrix' },
    });
    apiKey = key.body.key;
  });

  /** Fresh credentials for every call: a route may end the session it is called with (sign-out does). */
  async function credentialsOf(caller: Caller): Promise<{ token?: string; apiKey?: string }> {
    switch (caller) {
      case 'nobody':
        return {};
      case 'expired':
        return { token: await expiredToken(product.authSecret) };
      case 'api-key':
        return { apiKey };
      default:
        return { token: await new Client(product.url).signIn(demoEmail[caller]) };
    }
  }

  afterAll(() => product?.stop());

  it('finds the routes in the router, each with an access rule', () => {
    expect(routes.length).toBeGreaterThanOrEqual(13);
    expect(routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('lets through exactly the callers each rule allows, and refuses everyone else', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const caller of callers) {
        const response = await new Client(product.url).call(route.method, route.path, {
          ...(await credentialsOf(caller)),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
        });
        const expected = allowed(route.rule!, caller);
        if (refused(response.status, response.body?.message) === expected) {
          mismatches.push(
            `${caller} ${route.method} ${route.path}: ${response.status} ${response.body?.message}`,
          );
        }
        if (!expected && caller === 'nobody') expect(response.status).toBe(401);
      }
    }
    expect(mismatches).toEqual([]);
    console.log(`access matrix (${_}): ${routes.length} routes × ${callers.length} callers`);
  });

  it("answers 404 to another customer on a customer's object, and leaves it to its owner", async () => {
    const guarded = routes.filter((r) => r.rule && 'roles' in r.rule && r.rule.owned);
    expect(guarded.length).toBeGreaterThanOrEqual(1);
    for (const route of guarded) {
      const kind = (route.rule as { owned: string }).owned;
      expect(Object.keys(ownedObjects)).toContain(kind);
      const owner = new Client(product.url);
      const ownerToken = await owner.registerCustomer('owner');
      const object = ownedObjects[kind]!;
      const id = await object.create(owner, ownerToken);
      const path = route.template.replace('{id}', id);
      const body = route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} };

      const other = new Client(product.url);
      const stranger = await other.call(route.method, path, {
        token: await other.registerCustomer('other'),
        ...body,
      });
      expect({
        route: `${route.method} ${route.template}`,
        status: stranger.status,
        body: stranger.body,
      }).toEqual({
        route: `${route.method} ${route.template}`,
        status: 404,
        body: { statusCode: 404, error: 'Not Found', code: `${kind}_not_found`, message: `No ${kind} ${id}` },
      });
      expect(await object.intact(owner, ownerToken, id)).toBe(true);
      const own = await owner.call(route.method, path, { token: ownerToken, ...body });
      expect({ route: `${route.method} ${route.template}`, ok: own.status < 300 }).toEqual({
        route: `${route.method} ${route.template}`,
        ok: true,
      });
    }
    console.log(`access matrix (${_}): ${guarded.length} routes on a customer's object × another customer`);
  });
});
