import { beforeAll, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import { type RunningProduct, waitUntil } from '@aftersales/shared-testing';
import { Client } from './client.js';
import { LiveClient } from './live-client.js';
import type { Shared } from './repair-orders.e2e.spec.js';
import { freshSfNumber, freshSns, mailInForm, type Order, RepairOrderSteps } from './repair-order-steps.js';

/** The product is started with it as `AFTERSHIP_WEBHOOK_SECRET`. */
export const WEBHOOK_SECRET = 'a-webhook-secret-of-the-test-run';

interface Shipment {
  id: string;
  direction: string;
  carrier: string;
  trackingNumber: string;
  trackingLink?: string;
  status: string;
  deviceOrderNos: string[];
  checkpoints: { status: string; description: string; source: string }[];
}

/** An AfterShip tracking push, as its documentation describes the body. */
function push(
  trackingNumber: string,
  tags: string[],
  { eventId = randomUUID(), ts = Math.floor(Date.now() / 1000), slug = 'sf-express' } = {},
) {
  return JSON.stringify({
    event: 'tracking_update',
    event_id: eventId,
    is_tracking_first_tag: true,
    ts,
    msg: {
      id: randomUUID(),
      tracking_number: trackingNumber,
      slug,
      tag: tags.at(-1),
      checkpoints: tags.map((tag, i) => ({
        checkpoint_time: new Date(Date.UTC(2026, 10, 28, 8 + i)).toISOString().slice(0, 19),
        message: `${tag} at hub ${i}`,
        location: 'Shenzhen',
        tag,
      })),
    },
  });
}
const sign = (body: string, secret = WEBHOOK_SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');

/** Carriers, shipments both ways and the tracking webhook, on the product `shared` holds. */
export function logisticsTests(shared: Shared): void {
  let product: RunningProduct;
  let admin: string;
  let engineer: string;
  let steps: RepairOrderSteps;
  beforeAll(() => {
    ({ product, admin, engineer, steps } = shared);
  });
  const client = () => new Client(product.url);

  const webhook = (body: string, headers: Record<string, string>) =>
    fetch(`${product.url}/api/logistics/webhooks/aftership`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));
  const shipmentsOf = async (token: string, diagnosisCode: string) =>
    (await client().call<Shipment[]>('GET', `/api/shipments?diagnosisCode=${diagnosisCode}`, { token })).body;
  async function submitted(sns: string[], trackingNumber = freshSfNumber()) {
    await steps.register(sns);
    const customer = await client().registerCustomer('shipper');
    const { diagnosisCode } = await steps.convertedOrder(customer, sns[0]!);
    const order = await steps.mailIn(customer, diagnosisCode, mailInForm(sns, trackingNumber));
    expect(order.status).toBe(201);
    let outbound: Shipment | undefined;
    await waitUntil('the outbound parcel is tracked', async () => {
      [outbound] = await shipmentsOf(customer, diagnosisCode);
      return outbound !== undefined;
    });
    return { customer, order: order.body, outbound: outbound! };
  }

  it('lists the seeded carriers publicly, each with its format and tracking link', async () => {
    const carriers = await client().call<{ code: string; pattern: string; trackingUrl: string }[]>(
      'GET',
      '/api/carriers',
    );
    expect(carriers.status).toBe(200);
    expect(carriers.body.map((c) => c.code)).toEqual(
      expect.arrayContaining(['sf-express', 'jd-logistics', 'ems', 'zto', 'yto', 'dhl', 'fedex', 'ups']),
    );
    expect(carriers.body.every((c) => c.trackingUrl.includes('{number}'))).toBe(true);
  });

  it('refuses numbers that do not fit their carrier, or that another customer’s order uses', async () => {
    const [sn] = freshSns(1);
    await steps.register([sn!]);
    const customer = await client().registerCustomer('typo');
    const { diagnosisCode } = await steps.convertedOrder(customer, sn!);
    const withNumber = (carrier: string, trackingNumber: string) =>
      steps.mailIn(customer, diagnosisCode, { ...mailInForm([sn!]), carrier, trackingNumber });

    expect((await withNumber('sf-express', 'SF12345')).body).toMatchObject({
      code: 'tracking_number_format',
      message: expect.stringContaining('trackingNumber'),
    });
    expect((await withNumber('dhl', '1234567890')).body).toMatchObject({
      code: 'tracking_number_check_digit',
    });
    const { outbound } = await submitted(freshSns(1));
    expect((await withNumber('sf-express', outbound.trackingNumber)).body).toMatchObject({
      code: 'tracking_number_in_use',
    });
    // A carrier we do not list is named by the customer; its numbers have no format we could check.
    const other = await withNumber('Lalamove 货拉拉', 'LLM-20261128-01');
    expect(other.status).toBe(201);
    expect(other.body.outboundShipment).toMatchObject({
      carrier: 'Lalamove 货拉拉',
      trackingNumber: 'LLM-20261128-01',
    });
  });

  it('takes only signed, fresh, first-time pushes, and records nothing for the others', async () => {
    const { customer, order, outbound } = await submitted(freshSns(1));
    const body = push(outbound.trackingNumber, ['InTransit']);
    const stale = push(outbound.trackingNumber, ['InTransit'], { ts: Math.floor(Date.now() / 1000) - 3600 });
    const incomplete = JSON.stringify({
      event: 'tracking_update',
      event_id: randomUUID(),
      ts: Math.floor(Date.now() / 1000),
    });
    const refusals = [
      await webhook(body, {}),
      await webhook(body, { 'aftership-hmac-sha256': sign(body, 'another secret of 32 characters!') }),
      await webhook(stale, { 'aftership-hmac-sha256': sign(stale) }),
      await webhook(incomplete, { 'aftership-hmac-sha256': sign(incomplete) }),
      await webhook('{"event": "tracking_update"', {
        'aftership-hmac-sha256': sign('{"event": "tracking_update"'),
      }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
      [401, 'webhook_unsigned'],
      [401, 'webhook_signature_invalid'],
      [400, 'webhook_stale'],
      [400, 'webhook_malformed'],
      // Not JSON at all: the gateway's body parser refuses it before anyone reads it.
      [400, 'invalid'],
    ]);
    expect((await shipmentsOf(customer, order.diagnosisCode))[0]!.checkpoints).toEqual([]);

    // The order's page hears of the checkpoint, though it leaves the order as it was.
    const page = await LiveClient.connect(product.url, customer);
    try {
      expect(await page.emit('followOrder', { diagnosisCode: order.diagnosisCode })).toMatchObject({
        ok: true,
      });
      const taken = await webhook(body, { 'aftership-hmac-sha256': sign(body) });
      expect(taken).toEqual({ status: 200, body: { recorded: 1 } });
      await waitUntil('the page is given the order again', () => page.orders.length > 0);
      expect(page.orders.at(-1)).toMatchObject({
        diagnosisCode: order.diagnosisCode,
        status: 'awaiting_receipt',
      });
    } finally {
      page.close();
    }
    const replayed = await webhook(body, { 'aftership-hmac-sha256': sign(body) });
    expect([replayed.status, replayed.body.code]).toEqual([409, 'webhook_replayed']);
    const [tracked] = await shipmentsOf(customer, order.diagnosisCode);
    expect(tracked).toMatchObject({
      status: 'in_transit',
      trackingLink: expect.stringContaining(outbound.trackingNumber),
      checkpoints: [{ status: 'in_transit', description: 'InTransit at hub 0', source: 'aftership' }],
    });
  });

  it('completes exactly the lines of a delivered return, once, though the push arrives twice', async () => {
    const { customer, order, outbound } = await submitted(freshSns(2));
    const delivered = push(outbound.trackingNumber, ['InTransit', 'Delivered']);
    expect((await webhook(delivered, { 'aftership-hmac-sha256': sign(delivered) })).body).toEqual({
      recorded: 2,
    });
    await waitUntil('the repair point hears the parcel arrived', async () =>
      (
        await client().call<Order>('GET', `/api/repair-orders/${order.diagnosisCode}`, { token: customer })
      ).body.timeline.some((e) => e.type === 'OutboundParcelDelivered'),
    );

    const [first, second] = order.lines.map((l) => l.deviceOrderNo) as [string, string];
    const point = (path: string, body: object) =>
      client().call<Order>('POST', `/api/repair-point/orders/${order.diagnosisCode}${path}`, {
        token: engineer,
        body,
      });
    await point('/receipt', {
      lines: [first, second].map((deviceOrderNo) => ({ deviceOrderNo, outcome: 'received' })),
    });
    for (const line of [first, second]) await point(`/lines/${line}/progress`, { result: 'repaired' });
    const ups = '1Z999AA10123456784';
    expect(
      (
        await point('/return-shipment', {
          deviceOrderNos: [first],
          carrier: 'ups',
          trackingNumber: '1Z999AA10123456785',
        })
      ).body,
    ).toMatchObject({
      code: 'tracking_number_check_digit',
    });
    expect(
      (await point('/return-shipment', { deviceOrderNos: [first], carrier: 'ups', trackingNumber: ups }))
        .status,
    ).toBe(200);
    let returned: Shipment | undefined;
    await waitUntil('the return parcel is tracked', async () => {
      returned = (await shipmentsOf(customer, order.diagnosisCode)).find((s) => s.direction === 'return');
      return returned !== undefined;
    });
    expect(returned!.deviceOrderNos).toEqual([first]);

    for (const eventId of [randomUUID(), randomUUID()]) {
      const body = push(ups, ['Delivered'], { eventId, slug: 'ups' });
      expect((await webhook(body, { 'aftership-hmac-sha256': sign(body) })).status).toBe(200);
    }
    const read = () =>
      client().call<Order>('GET', `/api/repair-orders/${order.diagnosisCode}`, { token: customer });
    await waitUntil('the delivered line completes', async () =>
      (await read()).body.lines.some((l) => l.status === 'completed'),
    );
    const after = (await read()).body;
    expect(after.lines.map((l) => [l.deviceOrderNo, l.status])).toEqual([
      [first, 'completed'],
      [second, 'repaired'],
    ]);
    expect(after.timeline.filter((e) => e.type === 'ReturnConfirmed')).toHaveLength(1);
  });

  it('lets the repair point record a checkpoint by hand, and hides each shipment from those who may not see it', async () => {
    const { customer, outbound } = await submitted(freshSns(1));
    const path = `/api/shipments/${outbound.id}/checkpoints`;
    const checkpoint = { status: 'exception', description: 'Box damaged in transit' };
    expect((await client().call('POST', path, { token: customer, body: checkpoint })).status).toBe(403);
    const bad = await client().call('POST', path, { token: engineer, body: { status: 'lost' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: expect.stringContaining('status') });
    const recorded = await client().call<Shipment>('POST', path, { token: engineer, body: checkpoint });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: 'exception',
      checkpoints: [{ source: 'manual', description: 'Box damaged in transit' }],
    });

    const stranger = await client().registerCustomer('stranger');
    expect((await client().call('GET', `/api/shipments/${outbound.id}`, { token: stranger })).status).toBe(
      404,
    );
    expect((await client().call('GET', `/api/shipments/${outbound.id}`, { token: customer })).status).toBe(
      200,
    );
  });

  it('lets admins register a carrier and change its format, refusing a pattern that does not compile', async () => {
    const code = `test-${randomUUID().slice(0, 8)}`;
    const carrier = {
      code,
      nameZh: '测试快递',
      nameEn: 'Test Express',
      pattern: 'TE\\d{10}',
      trackingUrl: 'https://track.example.com/{number}',
    };
    const bad = await client().call('POST', '/api/admin/carriers', {
      token: admin,
      body: { ...carrier, pattern: 'TE(' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: expect.stringContaining('pattern') });
    const registered = await client().call<{ version: number }>('POST', '/api/admin/carriers', {
      token: admin,
      body: carrier,
    });
    expect(registered.status).toBe(201);
    const { code: _, ...input } = carrier;
    const changed = await client().call('PUT', `/api/admin/carriers/${code}`, {
      token: admin,
      body: { ...input, pattern: 'TE\\d{12}' },
      headers: { 'if-match': `"${registered.body.version}"` },
    });
    expect(changed.body).toMatchObject({ pattern: 'TE\\d{12}' });
    const stale = await client().call('PUT', `/api/admin/carriers/${code}`, {
      token: admin,
      body: input,
      headers: { 'if-match': `"${registered.body.version}"` },
    });
    expect(stale.status).toBe(412);
  });
}
