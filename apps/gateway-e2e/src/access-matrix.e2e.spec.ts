import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';
import { accessTable, type Rule } from './access-table.js';
import { Client, demoEmail } from './client.js';

/** `METHOD /path/{param}`, the way the access table and OpenAPI name a route. */
type Route = string;

/**
 * For each kind of object a rule can name (`owned`): how a customer gets one, and whether it is still as it
 * was. A route guarding a kind that is missing here fails the test, so a new kind is covered from its first
 * route.
 */
interface OwnedObject {
  create(client: Client, token: string): Promise<string>;
  intact(client: Client, token: string, id: string): Promise<boolean>;
  /** A body its owner may send to a route that takes one; others get `{}`. */
  bodies?: Record<Route, () => unknown>;
}

const ownedObjects: Record<string, OwnedObject> = {
  session: {
    create: async (client, token) =>
      (await client.call<{ id: string; current: boolean }[]>('GET', '/api/me/sessions', { token })).body.find(
        (s) => s.current,
      )!.id,
    intact: async (client, token) => (await client.call('GET', '/api/me', { token })).status === 200,
  },
  consultation: {
    create: async (client, token) =>
      (
        await client.call<{ id: string }>('POST', '/api/consultations', {
          token,
          body: { sn: 'ZH10014510045', text: 'The fans are loud' },
        })
      ).body.id,
    intact: async (client, token, id) => {
      const { status, body } = await client.call('GET', `/api/consultations/${id}`, { token });
      return status === 200 && body.lastSeq === 1 && body.lastMessage === 'The fans are loud';
    },
    bodies: {
      'POST /api/consultations/{id}/messages': () => ({ messageId: randomUUID(), text: 'And they stop' }),
      'POST /api/consultations/{id}/read': () => ({ upToSeq: 1 }),
    },
  },
  attachment: {
    create: async (client, token) => {
      const consultation = await ownedObjects.consultation!.create(client, token);
      const form = new FormData();
      form.set('messageId', randomUUID());
      form.append('files', new Blob(['fan 1: 0 rpm\n']), 'fans.log');
      const posted = await client.upload<{ attachments: { id: string }[] }>(
        `/api/consultations/${consultation}/messages`,
        form,
        token,
      );
      return posted.body.attachments[0]!.id;
    },
    intact: async (client, token, id) => {
      const response = await fetch(`${client.baseUrl}/api/attachments/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return response.status === 200 && (await response.text()) === 'fan 1: 0 rpm\n';
    },
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
  return (rule.roles as string[]).includes(caller);
}

function refused(status: number, message: unknown): boolean {
  return (
    (status === 401 || status === 403) &&
    refusals.some((r) => (typeof r === 'string' ? r === message : r.test(String(message))))
  );
}

const methodOf = (route: Route) => route.split(' ')[0]!;
const templateOf = (route: Route) => route.split(' ')[1]!;
const pathOf = (route: Route) =>
  templateOf(route)
    .replaceAll('{sn}', 'ZH10014510045')
    .replaceAll('{id}', randomUUID())
    .replaceAll('{photoId}', randomUUID())
    .replaceAll('{diagnosisCode}', 'ZZ0000zz');
const bodyOf = (route: Route) => (['GET', 'DELETE'].includes(methodOf(route)) ? {} : { body: {} });

/**
 * The routes the gateway's router serves, as Nest maps each one at start (`Mapped {/api/me, GET} route`):
 * the running process's own router, so a route left out of OpenAPI is listed all the same.
 */
function servedRoutes(output: string): Route[] {
  return [...output.matchAll(/Mapped \{(\S+), (\w+)\} route/g)].map(
    ([, path, method]) => `${method} ${path!.replace(/:(\w+)/g, '{$1}')}`,
  );
}

/** The operations of the gateway's OpenAPI document, each with its documented rule (`x-access`). */
async function documentedRules(url: string): Promise<Record<Route, unknown>> {
  const document = (await (await fetch(`${url}/api/docs-json`)).json()) as {
    paths: Record<string, Record<string, { 'x-access'?: unknown }>>;
  };
  return Object.fromEntries(
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => [
        `${method.toUpperCase()} ${path}`,
        operation['x-access'],
      ]),
    ),
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

const byKey = (routes: Route[]) => [...routes].sort();

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('access matrix in the %s mode', (mode, start) => {
  let product: RunningProduct;
  let apiKey: string;

  beforeAll(async () => {
    product = await start();
    const admin = await new Client(product.url).signIn(demoEmail.admin);
    const key = await new Client(product.url).call<{ key: string }>('POST', '/api/admin/api-keys', {
      token: admin,
      body: { repairPointId: 'rp-shenzhen', name: 'matrix' },
    });
    apiKey = key.body.key;
  });

  afterAll(() => product?.stop());

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

  it("serves exactly the routes of the access table, as the gateway's router maps them", () => {
    const served = servedRoutes(product.gatewayOutput());
    expect(served.length).toBeGreaterThan(0);
    expect(byKey(served)).toEqual(byKey(Object.keys(accessTable)));
  });

  it('documents every route in OpenAPI with the rule of the access table', async () => {
    const documented = await documentedRules(product.url);
    expect(byKey(Object.keys(documented))).toEqual(byKey(Object.keys(accessTable)));
    expect(withSortedRoles(documented)).toEqual(withSortedRoles(accessTable));
  });

  it('lets through exactly the callers the table allows, and refuses everyone else', async () => {
    const mismatches: string[] = [];
    for (const [route, rule] of Object.entries(accessTable)) {
      for (const caller of callers) {
        const path = pathOf(route);
        const response = await new Client(product.url).call(methodOf(route), path, {
          ...(await credentialsOf(caller)),
          ...bodyOf(route),
        });
        const expected = allowed(rule, caller);
        const outcome = `${caller} ${methodOf(route)} ${path}: ${response.status} ${response.body?.message}`;
        if (expected && (response.status >= 500 || refused(response.status, response.body?.message))) {
          mismatches.push(`allowed, but ${outcome}`);
        }
        if (!expected && !refused(response.status, response.body?.message)) {
          mismatches.push(`not allowed, but ${outcome}`);
        }
        if (!expected && caller === 'nobody' && response.status !== 401) {
          mismatches.push(`not signed in, but ${outcome}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    console.log(
      `access matrix (${mode}): ${Object.keys(accessTable).length} routes × ${callers.length} callers`,
    );
  });

  it("answers 404 to another customer on a customer's object, and leaves it to its owner", async () => {
    const guarded = Object.entries(accessTable).filter(
      (entry): entry is [Route, Extract<Rule, { roles: unknown }>] => 'roles' in entry[1] && !!entry[1].owned,
    );
    expect(guarded.length).toBeGreaterThanOrEqual(1);
    for (const [route, rule] of guarded) {
      const kind = rule.owned!;
      expect(Object.keys(ownedObjects)).toContain(kind);
      const owner = new Client(product.url);
      const ownerToken = await owner.registerCustomer('owner');
      const object = ownedObjects[kind]!;
      const id = await object.create(owner, ownerToken);
      const path = templateOf(route).replace('{id}', id);

      const other = new Client(product.url);
      const stranger = await other.call(methodOf(route), path, {
        token: await other.registerCustomer('other'),
        ...bodyOf(route),
      });
      expect({ route, status: stranger.status, message: stranger.body?.message }).toEqual({
        route,
        status: 404,
        message: `No ${kind} ${id}`,
      });
      expect(await object.intact(owner, ownerToken, id)).toBe(true);
      const body = object.bodies?.[route];
      const own = await owner.call(methodOf(route), path, {
        token: ownerToken,
        ...(body ? { body: body() } : bodyOf(route)),
      });
      expect({ route, ok: own.status < 300 }).toEqual({ route, ok: true });
    }
    console.log(
      `access matrix (${mode}): ${guarded.length} routes on a customer's object × another customer`,
    );
  });
});

/** Rules compared whatever the order of their roles. */
function withSortedRoles(rules: Record<Route, unknown>): Record<Route, unknown> {
  return Object.fromEntries(
    Object.entries(rules).map(([route, rule]) => [
      route,
      rule && typeof rule === 'object' && 'roles' in rule
        ? { ...rule, roles: [...(rule.roles as string[])].sort() }
        : rule,
    ]),
  );
}
