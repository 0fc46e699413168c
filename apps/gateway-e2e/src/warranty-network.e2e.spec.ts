import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type Delivery, JetStreamEventBus } from '@aftersales/shared-messaging';
import { demoDevices } from '@aftersales/warranty-data-access';
import { addMonths } from '@aftersales/warranty-domain';
import { Client, demoEmail } from './client.js';
import {
  NATS_URL,
  type RunningProduct,
  startDistributed,
  startEmbedded,
  waitUntil,
} from '@aftersales/shared-testing';

const [inWarranty, outOfWarranty] = demoDevices(new Date());
const ID = '00000000-0000-4000-8000-000000000001';

const newPoint = {
  id: 'tp-almaty',
  kind: 'third_party',
  name: 'Almaty Miner Service',
  country: 'KZ',
  region: 'Almaty',
  city: 'Almaty',
  address: '12 Abay Ave',
  contact: 'Nurlan',
  phone: '+7 727 000 0000',
};

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('warranty and service network in the %s mode', (_, start) => {
  let product: RunningProduct;
  let client: Client;
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    product = await start();
    client = new Client(product.url);
    admin = await client.signIn(demoEmail.admin);
    customer = await client.signIn(demoEmail.customer);
  });

  afterAll(() => product?.stop());

  describe('batch lookup', () => {
    it('answers each SN of a mixed list, flagging unknown and malformed ones', async () => {
      const sns = [
        inWarranty!.sn.toLowerCase(),
        outOfWarranty!.sn,
        'ZH99999999999',
        'ZH-1',
        ` ${inWarranty!.sn} `,
      ];
      const response = await client.call<{ results: { input: string; status: string; sn?: string }[] }>(
        'POST',
        '/api/warranty/lookups',
        { token: customer, body: { sns } },
      );
      expect(response.status).toBe(200);
      expect(response.body.results.map((r) => [r.input, r.sn, r.status])).toEqual([
        [sns[0], inWarranty!.sn, 'in_warranty'],
        [sns[1], outOfWarranty!.sn, 'out_of_warranty'],
        ['ZH99999999999', 'ZH99999999999', 'unknown'],
        ['ZH-1', undefined, 'malformed'],
        [sns[4], inWarranty!.sn, 'in_warranty'],
      ]);
    });

    it.each([
      [{}, 'sns: must be a list of SNs'],
      [{ sns: [] }, 'sns: must hold at least one SN'],
      [{ sns: Array.from({ length: 501 }, (_, i) => `ZH${i}000000`) }, 'sns: must hold at most 500 SNs'],
      [{ sns: ['ZH10014510045'], extra: 1 }, 'Unrecognized key: "extra"'],
    ])('answers 400 to %#', async (body, message) => {
      const response = await client.call('POST', '/api/warranty/lookups', { token: customer, body });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
    });
  });

  describe('policies and extensions', () => {
    it('extends one machine with a reason the lookup then gives, and a policy change applies to its model', async () => {
      const grant = { extensionId: randomUUID(), months: 24, reason: '电源召回 power-supply recall' };
      const path = `/api/admin/devices/${outOfWarranty!.sn}/extensions`;
      const extended = await client.call('POST', path, { token: admin, body: grant });
      expect(extended.status).toBe(201);
      const retried = await client.call('POST', path, { token: admin, body: grant });
      expect(retried.body).toEqual(extended.body);
      expect(extended.body).toMatchObject({
        warrantyEndsOn: addMonths(outOfWarranty!.shippedOn, 36),
        basis: { policyMonths: 12, extensions: [{ months: 24, reason: '电源召回 power-supply recall' }] },
      });
      const policy = await client.call('PUT', '/api/admin/warranty-policies', {
        token: admin,
        body: { model: 'VolcMiner D1', months: 18 },
      });
      expect(policy.status).toBe(200);
      const lookup = await client.call('GET', `/api/warranty/${inWarranty!.sn}`, { token: customer });
      expect(lookup.body).toMatchObject({
        warrantyEndsOn: addMonths(inWarranty!.shippedOn, 18),
        basis: { policyMonths: 18 },
      });
      const policies = await client.call<object[]>('GET', '/api/admin/warranty-policies', { token: admin });
      expect(policies.body).toContainEqual({ model: 'VolcMiner D1', months: 18 });
    });

    it.each([
      [
        'PUT',
        '/api/admin/warranty-policies',
        { model: 'VolcMiner D1', months: 1.5 },
        'months: must be a whole number of months',
      ],
      ['PUT', '/api/admin/warranty-policies', { months: 12 }, 'model: is required'],
      [
        'POST',
        '/api/admin/devices/ZH10014510045/extensions',
        { extensionId: ID, months: 0, reason: 'x' },
        'months: must be at least 1',
      ],
      [
        'POST',
        '/api/admin/devices/ZH10014510045/extensions',
        { extensionId: ID, months: 3 },
        'reason: is required',
      ],
      [
        'POST',
        '/api/admin/devices/ZH10014510045/extensions',
        { months: 3, reason: 'x' },
        'extensionId: must be a UUID',
      ],
      [
        'POST',
        '/api/admin/devices/ZH-1/extensions',
        { extensionId: ID, months: 3, reason: 'x' },
        'sn: must be 6 to 32 letters and digits, such as ZH10014510045',
      ],
    ])('answers 400 to %s %s with %j', async (method, path, body, message) => {
      const response = await client.call(method, path, { token: admin, body });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
    });

    it('answers 404 for an extension of a machine it does not know', async () => {
      const response = await client.call('POST', '/api/admin/devices/ZH99999999999/extensions', {
        token: admin,
        body: { extensionId: ID, months: 3, reason: 'x' },
      });
      expect(response.status).toBe(404);
    });
  });

  describe('service network', () => {
    it('finds the active points of a kind, the nearest first', async () => {
      const official = await client.call<{ id: string; kind: string }[]>(
        'GET',
        '/api/repair-points?kind=official',
      );
      expect(official.body.map((p) => p.id).sort()).toEqual(['rp-dubai', 'rp-shenzhen']);
      const near = await client.call<{ id: string }[]>(
        'GET',
        '/api/repair-points?kind=third_party&near=CN/Sichuan',
      );
      expect(near.body.map((p) => p.id)).toEqual(['tp-chengdu', 'tp-shenzhen-huaqiang', 'tp-texas']);
    });

    it.each([
      ['/api/repair-points?kind=partner', 'kind: Invalid option: expected one of "official"|"third_party"'],
      ['/api/repair-points?country=cn', 'country: must be a two-letter country code such as CN'],
      ['/api/repair-points?city=Shenzhen', 'Unrecognized key: "city"'],
    ])('answers 400 to %s', async (path, message) => {
      const response = await client.call('GET', path);
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(message);
    });

    it('takes a retried registration (same Idempotency-Key) once, answering the first result again', async () => {
      const point = {
        ...newPoint,
        id: 'tp-bishkek',
        name: 'Bishkek Miner Service',
        country: 'KG',
        region: 'Chuy',
        city: 'Bishkek',
      };
      const key = randomUUID();
      const send = (idempotencyKey: string) =>
        client.call('POST', '/api/admin/repair-points', {
          token: admin,
          body: point,
          headers: { 'idempotency-key': idempotencyKey },
        });
      const first = await send(key);
      const retried = await send(key);
      expect(first.status).toBe(201);
      expect(retried.status).toBe(201);
      expect(retried.body).toEqual(first.body);
      const fresh = await send(randomUUID());
      expect(fresh.status).toBe(409);
      expect(fresh.body.message).toBe('A repair point with the id tp-bishkek exists already');
      const garbled = await send('short');
      expect(garbled.status).toBe(400);
      expect(garbled.body.message).toBe(
        'Idempotency-Key: must be 8 to 100 letters, digits, - or _ (a UUID will do)',
      );
    });

    it('registers, changes and deactivates a point, refusing bad input without writing', async () => {
      const bad = await client.call('POST', '/api/admin/repair-points', {
        token: admin,
        body: { ...newPoint, country: 'Kazakhstan', email: 'nope' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe(
        'country: must be a two-letter country code such as CN; email: must be an email address',
      );
      const created = await client.call('POST', '/api/admin/repair-points', { token: admin, body: newPoint });
      expect(created.status).toBe(201);
      expect(
        (await client.call('POST', '/api/admin/repair-points', { token: admin, body: newPoint })).status,
      ).toBe(409);
      expect(created.body).toMatchObject({ version: 1 });
      const { id, ...input } = newPoint;
      const changed = await client.call('PUT', `/api/admin/repair-points/${id}`, {
        token: admin,
        body: { ...input, phone: '+7 727 111 1111', active: false },
        headers: { 'if-match': '"1"' },
      });
      expect(changed.body).toMatchObject({ id, phone: '+7 727 111 1111', active: false, version: 2 });
      expect(changed.headers.get('etag')).toBe('"2"');
      const stale = await client.call('PUT', `/api/admin/repair-points/${id}`, {
        token: admin,
        body: { ...input, phone: '+7 727 222 2222' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({
        message: 'repair-point-tp-almaty was changed meanwhile (now version 2); reload it and try again',
        details: { currentVersion: 2 },
      });
      const blind = await client.call('PUT', `/api/admin/repair-points/${id}`, { token: admin, body: input });
      expect(blind.status).toBe(428);
      expect(blind.body.message).toBe('If-Match: send the version of the repair point you changed');
      const garbled = await client.call('PUT', `/api/admin/repair-points/${id}`, {
        token: admin,
        body: input,
        headers: { 'if-match': 'latest' },
      });
      expect(garbled.body.message).toBe('If-Match: must be a version such as "3"');
      const unknown = await client.call('PUT', '/api/admin/repair-points/tp-nowhere', {
        token: admin,
        body: input,
        headers: { 'if-match': '"1"' },
      });
      expect(unknown.status).toBe(404);
      const finder = await client.call<{ id: string }[]>('GET', '/api/repair-points?country=KZ');
      expect(finder.body).toEqual([]);
      const all = await client.call<{ id: string }[]>('GET', '/api/admin/repair-points', { token: admin });
      expect(all.body.map((p) => p.id)).toContain(id);
    });
  });
});

// The embedded mode's bus lives inside the product's process; JetStream can be listened to from outside.
describe('service-network events in the distributed mode', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startDistributed();
  });

  afterAll(() => product?.stop());

  it('publishes every registration and change on the warranty stream, once each', async () => {
    const client = new Client(product.url);
    const admin = await client.signIn(demoEmail.admin);
    const { id, ...input } = newPoint;
    await client.call('POST', '/api/admin/repair-points', { token: admin, body: newPoint });
    await client.call('PUT', `/api/admin/repair-points/${id}`, {
      token: admin,
      body: { ...input, active: false },
      headers: { 'if-match': '"1"' },
    });
    const bus = await JetStreamEventBus.connect({ url: NATS_URL, namespace: product.busNamespace });
    const received: Delivery[] = [];
    const consumer = await bus.consume(
      { service: 'warranty', durable: 'network_test', filterSubject: 'aftersales.warranty.>' },
      async (d) => void received.push(d),
    );
    await waitUntil('the change reached the warranty stream', () =>
      received.some((d) => d.subject.endsWith('RepairPointChanged')),
    );
    await consumer.stop();
    await bus.close();
    const summary = received.map((d) => [
      d.subject,
      (d.data as { data: { id: string; active: boolean } }).data,
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['aftersales.warranty.RepairPointRegistered', expect.objectContaining({ id: 'rp-shenzhen' })],
        ['aftersales.warranty.RepairPointRegistered', expect.objectContaining({ id, active: true })],
        ['aftersales.warranty.RepairPointChanged', expect.objectContaining({ id, active: false })],
      ]),
    );
    expect(new Set(received.map((d) => d.id)).size).toBe(received.length);
  });
});
