import { beforeAll, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import { type RunningProduct, waitUntil } from '@aftersales/shared-testing';
import { Client } from './client.js';
import type { Shared } from './repair-orders.e2e.spec.js';
import { LiveClient } from './live-client.js';
import { freshSfNumber, freshSns, mailInForm, type Order, RepairOrderSteps } from './repair-order-steps.js';
import type { paths } from './generated/repair-point-api.js';
import { EXE, PNG } from './sample-files.js';

interface Ticket {
  deviceOrderNo: string;
  diagnosisCode: string;
  sn: string;
  status: string;
  returnCarrier?: string;
  returnTrackingNumber?: string;
}

const OUT_OF_WARRANTY = 'ZH21315080006';

/** Repair orders from the mail-in form to completion, on the product `shared` holds. */
export function repairOrderTests(shared: Shared): void {
  let product: RunningProduct;
  let admin: string;
  let agent: string;
  let engineer: string;
  let otherPointEngineer: string;
  beforeAll(() => {
    ({ product, admin, agent, engineer, otherPointEngineer } = shared);
  });
  const client = () => new Client(product.url);

  const steps = () => new RepairOrderSteps(client, { admin, agent });
  const register = (sns: string[]) => steps().register(sns);
  const convertedOrder = (customer: string, sn: string) => steps().convertedOrder(customer, sn);
  const mailIn = (token: string, code: string, body: object, headers: Record<string, string> = {}) =>
    steps().mailIn(token, code, body, headers);
  const form = (sns: string[]) => mailInForm(sns);
  const asPoint = (
    token: string,
    method: string,
    path: string,
    body?: object,
    headers: Record<string, string> = {},
  ) =>
    client().call<Order>(method, `/api/repair-point/orders${path}`, {
      token,
      headers,
      ...(body ? { body } : {}),
    });

  it('checks each machine of the mail-in form on its own line, and submits nothing while one is refused', async () => {
    const [first, second, third] = freshSns(3);
    await register([first!, second!, third!]);
    const customer = await client().registerCustomer('checker');
    const order = await convertedOrder(customer, first!);

    const checks = await client().call<{ input: string; model?: string; problem?: string }[]>(
      'POST',
      `/api/repair-orders/${order.diagnosisCode}/device-checks`,
      { token: customer, body: { sns: [second, OUT_OF_WARRANTY, 'ZH99999999999', 'not an sn!', second] } },
    );
    expect(checks.status).toBe(200);
    expect(checks.body).toEqual([
      { input: second, sn: second, model: 'VolcMiner D1' },
      expect.objectContaining({ input: OUT_OF_WARRANTY, problem: 'out_of_warranty' }),
      expect.objectContaining({ input: 'ZH99999999999', problem: 'unknown' }),
      { input: 'not an sn!', problem: 'malformed' },
      expect.objectContaining({ input: second, problem: 'duplicate' }),
    ]);

    const refused = await mailIn(customer, order.diagnosisCode, form([first!, OUT_OF_WARRANTY, third!]));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'mail_in_devices_refused',
      details: { devices: [{ index: 1, sn: OUT_OF_WARRANTY, problem: 'out_of_warranty' }] },
    });
    const missingField = await mailIn(customer, order.diagnosisCode, {
      ...form([first!]),
      trackingNumber: undefined,
    });
    expect(missingField.status).toBe(400);
    expect(missingField.body).toMatchObject({ message: expect.stringContaining('trackingNumber') });
    const thirdParty = await mailIn(customer, order.diagnosisCode, {
      ...form([first!]),
      repairPointId: 'tp-chengdu',
    });
    expect(thirdParty.status).toBe(400);
    expect(thirdParty.body).toMatchObject({ code: 'repair_point_not_receiving' });

    const unchanged = await client().call<Order>('GET', `/api/repair-orders/${order.diagnosisCode}`, {
      token: customer,
    });
    expect(unchanged.body).toMatchObject({ status: 'awaiting_submission', version: order.version });
  });

  it('takes a mail-in form once however often it is retried, and shows one ticket row per machine', async () => {
    const sns = freshSns(3);
    await register(sns);
    const customer = await client().registerCustomer('mailer');
    const order = await convertedOrder(customer, sns[0]!);
    const key = randomUUID();
    const parcel = freshSfNumber();
    const submitted = await mailIn(customer, order.diagnosisCode, mailInForm(sns, parcel), {
      'idempotency-key': key,
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      status: 'awaiting_receipt',
      repairPointId: 'rp-shenzhen',
      outboundShipment: { carrier: 'sf-express', trackingNumber: parcel },
      lines: sns.map((sn) => ({ sn, status: 'awaiting_receipt' })),
    });
    // The consultation's machine keeps its line and number.
    expect(submitted.body.lines[0]!.deviceOrderNo).toBe(order.lines[0]!.deviceOrderNo);
    const retried = await mailIn(customer, order.diagnosisCode, mailInForm(sns, parcel), {
      'idempotency-key': key,
    });
    expect(retried.status).toBe(201);
    expect(retried.body.version).toBe(submitted.body.version);

    // Another order cannot take these machines while this one holds them.
    const other = await convertedOrder(customer, sns[1]!);
    const taken = await mailIn(customer, other.diagnosisCode, form([sns[1]!]));
    expect(taken.body).toMatchObject({
      details: { devices: [{ sn: sns[1], problem: 'in_another_order', diagnosisCode: order.diagnosisCode }] },
    });

    const tickets = await client().call<{ rows: Ticket[]; total: number }>('GET', '/api/tickets', {
      token: customer,
    });
    expect(tickets.status).toBe(200);
    expect(tickets.body.total).toBe(4);
    expect(tickets.body.rows.filter((r) => r.diagnosisCode === order.diagnosisCode).map((r) => r.sn)).toEqual(
      sns,
    );
    const bySn = await client().call<{ rows: Ticket[] }>('GET', `/api/tickets?q=${sns[2]}`, {
      token: customer,
    });
    expect(bySn.body.rows.map((r) => r.sn)).toEqual([sns[2]]);
    const byStatus = await client().call<{ rows: Ticket[] }>(
      'GET',
      '/api/tickets?status=awaiting_submission',
      { token: customer },
    );
    expect(byStatus.body.rows.map((r) => r.diagnosisCode)).toEqual([other.diagnosisCode]);
    const badPage = await client().call('GET', '/api/tickets?page=0', { token: customer });
    expect(badPage.status).toBe(400);
    expect(badPage.body).toMatchObject({ message: expect.stringContaining('page') });

    const stranger = await client().registerCustomer('stranger');
    expect(
      (await client().call('GET', `/api/repair-orders/${order.diagnosisCode}`, { token: stranger })).status,
    ).toBe(404);
    expect((await mailIn(stranger, other.diagnosisCode, form([sns[1]!]))).status).toBe(404);
    expect(
      (await client().call('POST', `/api/repair-orders/${order.diagnosisCode}/cancel`, { token: stranger }))
        .status,
    ).toBe(404);
    expect(
      (await client().call<{ total: number }>('GET', '/api/tickets', { token: stranger })).body.total,
    ).toBe(0);
  });

  it('follows the machines through the repair point and back, refusing every step out of order', async () => {
    const sns = freshSns(3);
    await register(sns);
    const customer = await client().registerCustomer('journey');
    const { diagnosisCode } = await convertedOrder(customer, sns[0]!);
    const order = (await mailIn(customer, diagnosisCode, form(sns))).body;
    const [a, b, c] = order.lines.map((l) => l.deviceOrderNo) as [string, string, string];
    const jd = `JDVA${freshSfNumber().slice(-11)}`;
    const back = freshSfNumber();

    const corrected = await client().call<Order>(
      'PUT',
      `/api/repair-orders/${diagnosisCode}/outbound-shipment`,
      {
        token: customer,
        body: { carrier: 'jd-logistics', trackingNumber: jd },
      },
    );
    expect(corrected.body.outboundShipment).toMatchObject({
      carrier: 'jd-logistics',
      trackingNumber: jd,
    });

    // Another point's engineer does not see the order at all.
    expect((await asPoint(otherPointEngineer, 'GET', `/${diagnosisCode}`)).status).toBe(404);
    expect(
      (
        await asPoint(otherPointEngineer, 'POST', `/${diagnosisCode}/receipt`, {
          lines: [{ deviceOrderNo: a, outcome: 'received' }],
        })
      ).status,
    ).toBe(404);
    const queue = await client().call<{ orders: Order[]; counts: Record<string, number> }>(
      'GET',
      '/api/repair-point/orders?status=awaiting_receipt',
      {
        token: engineer,
      },
    );
    expect(queue.body.orders.map((o) => o.diagnosisCode)).toContain(diagnosisCode);
    expect(queue.body.counts.awaiting_receipt).toBeGreaterThanOrEqual(1);
    expect(
      (await client().call('GET', '/api/repair-point/orders', { token: otherPointEngineer })).body,
    ).toMatchObject({ orders: [] });

    expect(
      (await asPoint(engineer, 'POST', `/${diagnosisCode}/lines/${a}/progress`, { note: 'early' })).status,
    ).toBe(409);
    const badReceipt = await asPoint(engineer, 'POST', `/${diagnosisCode}/receipt`, {
      lines: [{ deviceOrderNo: 'xyz', outcome: 'received' }],
    });
    expect(badReceipt.status).toBe(400);
    expect(badReceipt.body).toMatchObject({ message: expect.stringContaining('deviceOrderNo') });

    const scan = {
      lines: [
        { deviceOrderNo: a, outcome: 'received' },
        { deviceOrderNo: b, outcome: 'received' },
        { deviceOrderNo: c, outcome: 'missing', note: 'Not in the parcel' },
      ],
    };
    const receipt = await asPoint(engineer, 'POST', `/${diagnosisCode}/receipt`, scan, {
      'idempotency-key': `receipt-${diagnosisCode}`,
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({
      status: 'received',
      lines: [{ status: 'received' }, { status: 'received' }, { status: 'missing' }],
    });
    const again = await asPoint(engineer, 'POST', `/${diagnosisCode}/receipt`, scan, {
      'idempotency-key': `receipt-${diagnosisCode}`,
    });
    expect(again.body.version).toBe(receipt.body.version);
    // Once received, the customer can neither cancel nor change the parcel.
    expect(
      (await client().call('POST', `/api/repair-orders/${diagnosisCode}/cancel`, { token: customer })).status,
    ).toBe(409);

    const badFault = await asPoint(engineer, 'POST', `/${diagnosisCode}/lines/${a}/progress`, {
      faults: [{ component: 'hash_board' }],
    });
    expect(badFault.status).toBe(400);
    expect(badFault.body).toMatchObject({ message: expect.stringContaining('position') });

    // Two engineers record on the version they read: exactly one wins, the other is shown the order as it is now.
    const version = `"${receipt.body.version}"`;
    const both = await Promise.all(
      [a, b].map((line) =>
        asPoint(
          engineer,
          'POST',
          `/${diagnosisCode}/lines/${line}/progress`,
          { faults: [{ component: 'hash_board', position: 2, chips: ['U12'] }] },
          { 'if-match': version },
        ),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 412]);
    const lost = both.find((r) => r.status === 412)!.body as unknown as {
      details: { currentVersion: number; current: Order };
    };
    expect(lost.details.currentVersion).toBe(receipt.body.version + 1);
    expect(lost.details.current.version).toBe(receipt.body.version + 1);

    expect(
      (
        await asPoint(engineer, 'POST', `/${diagnosisCode}/lines/${a}/progress`, {
          partsReplaced: [{ part: 'BM1366 chip', quantity: 2 }],
          test: { passed: true, burnInHours: 24 },
          result: 'repaired',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await asPoint(engineer, 'POST', `/${diagnosisCode}/return-shipment`, {
          deviceOrderNos: [a, b],
          carrier: 'sf-express',
          trackingNumber: back,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await asPoint(engineer, 'POST', `/${diagnosisCode}/lines/${b}/progress`, {
          result: 'unrepairable',
          note: 'Control board burnt',
        })
      ).status,
    ).toBe(200);
    const shipped = await asPoint(engineer, 'POST', `/${diagnosisCode}/return-shipment`, {
      deviceOrderNos: [a, b],
      carrier: 'sf-express',
      trackingNumber: back,
    });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('returned');

    const tickets = await client().call<{ rows: Ticket[] }>('GET', '/api/tickets?status=returned', {
      token: customer,
    });
    expect(tickets.body.rows).toEqual([
      expect.objectContaining({
        deviceOrderNo: a,
        returnCarrier: 'sf-express',
        returnTrackingNumber: back,
      }),
      expect.objectContaining({
        deviceOrderNo: b,
        returnCarrier: 'sf-express',
        returnTrackingNumber: back,
      }),
    ]);
    const completed = await client().call<Order>(
      'POST',
      `/api/repair-orders/${diagnosisCode}/confirm-receipt`,
      { token: customer },
    );
    expect(completed.body).toMatchObject({
      status: 'completed',
      lines: [{ status: 'completed' }, { status: 'completed' }, { status: 'missing' }],
    });
    expect(completed.body.timeline.map((e) => e.type)).toEqual([
      'RepairOrderOpened',
      'MailInSubmitted',
      'OutboundShipmentCorrected',
      'DeviceReceived',
      'DeviceReceived',
      'DeviceReceived',
      'RepairProgressRecorded',
      'RepairProgressRecorded',
      'RepairProgressRecorded',
      'DeviceReturned',
      'ReturnConfirmed',
    ]);
  });

  it('keeps photos of the machines with their order: on the form, on receipt and in repair, seen only through it', async () => {
    const sns = freshSns(2);
    await register(sns);
    const customer = await client().registerCustomer('photographer');
    const stranger = await client().registerCustomer('stranger');
    const { diagnosisCode } = await convertedOrder(customer, sns[0]!);
    const other = await convertedOrder(stranger, sns[1]!);
    const customerPhotos = `/api/repair-orders/${diagnosisCode}/photos`;
    const pointPhotos = `/api/repair-point/orders/${diagnosisCode}/photos`;
    const upload = (token: string, path: string, bytes = PNG, name = 'board.png') =>
      steps().photo(token, path, bytes, name);

    const board = await upload(customer, customerPhotos);
    expect(board.status).toBe(201);
    expect(board.body).toMatchObject({ name: 'board.png', contentType: 'image/png' });
    // Not a photo, not for another's order, not for an order the point does not hold yet.
    expect(await upload(customer, customerPhotos, EXE, 'board.jpg')).toMatchObject({
      status: 415,
      body: { code: 'attachment_type' },
    });
    expect((await upload(customer, `/api/repair-orders/${other.diagnosisCode}/photos`)).status).toBe(404);
    expect((await upload(engineer, pointPhotos)).status).toBe(404);
    const strangers = await upload(stranger, `/api/repair-orders/${other.diagnosisCode}/photos`);
    expect(strangers.status).toBe(201);

    // A form naming a photo of another order is refused whole, the field named, nothing written.
    const withForeign = form(sns.slice(0, 1));
    withForeign.devices[0] = { ...withForeign.devices[0]!, photos: [board.body.id, strangers.body.id] };
    const refused = await mailIn(customer, diagnosisCode, withForeign);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      message: expect.stringContaining('devices.0.photos.1'),
      details: [{ path: 'devices.0.photos.1', code: 'photo_not_found' }],
    });
    const untouched = await client().call<Order>('GET', `/api/repair-orders/${diagnosisCode}`, {
      token: customer,
    });
    expect(untouched.body.status).toBe('awaiting_submission');

    const withPhoto = form(sns.slice(0, 1));
    withPhoto.devices[0] = { ...withPhoto.devices[0]!, photos: [board.body.id] };
    const submitted = await mailIn(customer, diagnosisCode, withPhoto);
    expect(submitted.status).toBe(201);
    const line = submitted.body.lines[0]!;
    expect(line.photos).toEqual([board.body.id]);

    // The point sees the customer's photo through its order, and adds its own on receipt and in repair.
    const seen = await fetch(`${product.url}${pointPhotos}/${board.body.id}`, {
      headers: { authorization: `Bearer ${engineer}` },
    });
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expect(seen.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await seen.arrayBuffer())).toEqual(PNG);
    const dent = (await upload(engineer, pointPhotos, PNG, 'dent.png')).body;
    const receipt = await asPoint(engineer, 'POST', `/${diagnosisCode}/receipt`, {
      lines: [
        {
          deviceOrderNo: line.deviceOrderNo,
          outcome: 'received',
          note: 'Chassis dented in transit',
          photos: [dent.id],
        },
      ],
    });
    expect(receipt.status).toBe(200);
    expect(receipt.body.lines[0]).toMatchObject({
      receiptNote: 'Chassis dented in transit',
      receiptPhotos: [dent.id],
    });
    const chips = (await upload(engineer, pointPhotos, PNG, 'chips.png')).body;
    expect(
      (
        await asPoint(engineer, 'POST', `/${diagnosisCode}/lines/${line.deviceOrderNo}/progress`, {
          photos: [strangers.body.id],
        })
      ).body,
    ).toMatchObject({ details: [{ path: 'photos.0', code: 'photo_not_found' }] });
    const step = await asPoint(engineer, 'POST', `/${diagnosisCode}/lines/${line.deviceOrderNo}/progress`, {
      note: 'Burnt chips on board 2',
      photos: [chips.id],
    });
    expect(step.status).toBe(200);
    expect(step.body.timeline.at(-1)).toMatchObject({
      type: 'RepairProgressRecorded',
      details: { note: 'Burnt chips on board 2', photos: [chips.id] },
    });

    // The customer and support see every photo of the order; another customer, and another order's path, 404.
    const read = (token: string, code: string, id: string) =>
      fetch(`${product.url}/api/repair-orders/${code}/photos/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await read(customer, diagnosisCode, chips.id)).status).toBe(200);
    expect((await read(agent, diagnosisCode, dent.id)).status).toBe(200);
    expect((await read(stranger, diagnosisCode, chips.id)).status).toBe(404);
    expect((await read(stranger, other.diagnosisCode, chips.id)).status).toBe(404);
    expect((await read(customer, diagnosisCode, strangers.body.id)).status).toBe(404);
  });

  it("serves the repair point's system through the generated client with its API key, for its own point only", async () => {
    const sns = freshSns(1);
    await register(sns);
    const customer = await client().registerCustomer('integrated');
    const { diagnosisCode } = await convertedOrder(customer, sns[0]!);
    const [line] = (await mailIn(customer, diagnosisCode, form(sns))).body.lines;
    const issue = async (repairPointId: string) =>
      (
        await client().call<{ key: string }>('POST', '/api/admin/api-keys', {
          token: admin,
          body: { repairPointId, name: 'wms' },
        })
      ).body.key;
    const api = (key: string) => createClient<paths>({ baseUrl: product.url, headers: { 'X-Api-Key': key } });
    const shenzhen = api(await issue('rp-shenzhen'));
    const dubai = api(await issue('rp-dubai'));

    const queue = await shenzhen.GET('/api/repair-point/orders', {
      params: { query: { status: 'awaiting_receipt' } },
    });
    expect(queue.data?.orders.map((o) => o.diagnosisCode)).toContain(diagnosisCode);
    const received = await shenzhen.POST('/api/repair-point/orders/{diagnosisCode}/receipt', {
      params: { path: { diagnosisCode } },
      body: { lines: [{ deviceOrderNo: line!.deviceOrderNo, outcome: 'received' }] },
    });
    expect(received.data?.lines[0]).toMatchObject({ sn: sns[0], status: 'received' });
    const elsewhere = await dubai.GET('/api/repair-point/orders/{diagnosisCode}', {
      params: { path: { diagnosisCode } },
    });
    expect(elsewhere.response.status).toBe(404);
    expect(elsewhere.error).toMatchObject({ code: 'repair_order_not_found' });
  });

  it('brings every change of an order to the pages following it, and only to those who may read it', async () => {
    const sns = freshSns(2);
    await register(sns);
    const customer = await client().registerCustomer('follower');
    const { diagnosisCode } = await convertedOrder(customer, sns[0]!);
    const [first] = (await mailIn(customer, diagnosisCode, form(sns))).body.lines;
    const farGateway = product.gatewayUrls?.at(-1) ?? product.url;
    const page = await LiveClient.connect(farGateway, customer);
    const console = await LiveClient.connect(farGateway, engineer);
    const stranger = await LiveClient.connect(farGateway, await client().registerCustomer('peeker'));
    const elsewhere = await LiveClient.connect(farGateway, otherPointEngineer);
    try {
      expect(await page.emit('followOrder', { diagnosisCode })).toMatchObject({
        ok: true,
        order: { diagnosisCode, status: 'awaiting_receipt' },
      });
      expect(await console.emit('followOrder', { diagnosisCode })).toMatchObject({ ok: true });
      expect(await stranger.emit('followOrder', { diagnosisCode })).toMatchObject({
        ok: false,
        code: 'repair_order_not_found',
      });
      expect(await elsewhere.emit('followOrder', { diagnosisCode })).toMatchObject({ ok: false });
      expect(await page.emit('followOrder', { diagnosisCode: 'bad' })).toMatchObject({
        ok: false,
        code: 'invalid_input',
        message: expect.stringContaining('diagnosisCode'),
      });

      const received = await asPoint(engineer, 'POST', `/${diagnosisCode}/receipt`, {
        lines: [{ deviceOrderNo: first!.deviceOrderNo, outcome: 'received' }],
      });
      for (const follower of [page, console]) {
        await waitUntil('the page shows the receipt', () =>
          follower.orders.some((o) => o.version === received.body.version),
        );
        expect(follower.orders.at(-1)).toMatchObject({ diagnosisCode, status: 'received' });
      }
      expect([stranger.orders, elsewhere.orders]).toEqual([[], []]);
    } finally {
      [page, console, stranger, elsewhere].forEach((socket) => socket.close());
    }
  });

  it('names who did each step of the timeline, on every read of the order and on its live updates', async () => {
    const sns = freshSns(2);
    await register(sns);
    const customer = await client().registerCustomer('wang-named');
    const { diagnosisCode } = await convertedOrder(customer, sns[0]!);
    const [first, second] = (await mailIn(customer, diagnosisCode, form(sns))).body.lines;
    const page = await LiveClient.connect(product.gatewayUrls?.at(-1) ?? product.url, customer);
    try {
      expect(await page.emit('followOrder', { diagnosisCode })).toMatchObject({ ok: true });
      const received = await asPoint(engineer, 'POST', `/${diagnosisCode}/receipt`, {
        lines: [{ deviceOrderNo: first!.deviceOrderNo, outcome: 'received' }],
      });
      const wms = await client().call<{ key: string }>('POST', '/api/admin/api-keys', {
        token: admin,
        body: { repairPointId: 'rp-shenzhen', name: 'Shenzhen WMS' },
      });
      const scanned = await client().call<Order>(
        'POST',
        `/api/repair-point/orders/${diagnosisCode}/receipt`,
        {
          apiKey: wms.body.key,
          body: { lines: [{ deviceOrderNo: second!.deviceOrderNo, outcome: 'received' }] },
        },
      );
      expect(scanned.status).toBe(200);

      const named = [
        { type: 'RepairOrderOpened', actorName: '演示客服 Demo Agent' },
        { type: 'MailInSubmitted', actorName: 'wang-named' },
        { type: 'DeviceReceived', actorName: '演示工程师 Demo Engineer' },
        { type: 'DeviceReceived', actorName: 'Shenzhen WMS' },
      ];
      // The command's own answer, the customer's read and the engineer's read name them alike.
      const read = await client().call<Order>('GET', `/api/repair-orders/${diagnosisCode}`, {
        token: customer,
      });
      const atPoint = await asPoint(engineer, 'GET', `/${diagnosisCode}`);
      for (const order of [scanned.body, read.body, atPoint.body]) {
        expect(order.timeline).toMatchObject(named);
        // What a customer may read of staff is the name they go by, never how to reach them.
        expect(JSON.stringify(order.timeline)).not.toContain('@example.com');
      }
      expect(received.body.timeline.at(-1)).toMatchObject(named[2]!);

      await waitUntil('the page shows the second receipt', () =>
        page.orders.some((o) => o.version === scanned.body.version),
      );
      expect(page.orders.find((o) => o.version === scanned.body.version)).toMatchObject({ timeline: named });
    } finally {
      page.close();
    }
  });
}
