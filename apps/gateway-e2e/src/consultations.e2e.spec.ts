import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningProduct, startDistributed, startEmbedded, waitUntil } from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';

/** Demo machines every mode seeds: one in warranty, one long out of it. */
const IN_WARRANTY = 'ZH10014510045';
const OUT_OF_WARRANTY = 'ZH21315080006';

interface Consultation {
  id: string;
  number: string;
  status: string;
  outcome?: string;
  agentId?: string;
  diagnosisCode?: string;
  lastSeq: number;
  lastMessage?: string;
  unread: number;
  device: { sn: string; model: string };
}

interface ChatMessage {
  messageId: string;
  seq: number;
  text?: string;
  author: { kind: string; userId: string };
}

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('consultations in the %s mode', (_, start) => {
  let product: RunningProduct;
  let agent: string;
  let secondAgent: string;
  const client = () => new Client(product.url);

  beforeAll(async () => {
    product = await start();
    agent = await client().signIn(demoEmail.agent);
    const admin = await client().signIn(demoEmail.admin);
    const email = `agent.${randomUUID()}@example.com`;
    const created = await client().call('POST', '/api/admin/users', {
      token: admin,
      body: { email, password: 'a long enough password', displayName: 'Second agent', role: 'agent' },
    });
    expect(created.status).toBe(201);
    secondAgent = await client().signIn(email, 'a long enough password');
  });

  afterAll(() => product?.stop());

  const open = (token: string, body: object, headers: Record<string, string> = {}) =>
    client().call<Consultation>('POST', '/api/consultations', { token, body, headers });
  const post = (token: string, id: string, text: string, messageId = randomUUID()) =>
    client().call<ChatMessage>('POST', `/api/consultations/${id}/messages`, {
      token,
      body: { messageId, text },
    });

  it('opens a consultation for an in-warranty machine, once however often the request is retried', async () => {
    const customer = await client().registerCustomer('opener');
    const key = randomUUID();
    const first = await open(
      customer,
      { sn: IN_WARRANTY, text: 'Hash board 2 is not detected' },
      { 'idempotency-key': key },
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'open',
      device: { sn: IN_WARRANTY, model: 'VolcMiner D1' },
      lastSeq: 1,
      lastMessage: 'Hash board 2 is not detected',
    });
    const retried = await open(
      customer,
      { sn: IN_WARRANTY, text: 'Hash board 2 is not detected' },
      { 'idempotency-key': key },
    );
    expect(retried.body.id).toBe(first.body.id);
    const mine = await client().call<Consultation[]>('GET', '/api/consultations', { token: customer });
    expect(mine.body.map((c) => c.id)).toEqual([first.body.id]);
    const queue = await client().call<Consultation[]>('GET', '/api/consultations?status=open', {
      token: agent,
    });
    expect(queue.body.find((c) => c.id === first.body.id)).toMatchObject({ unread: 1 });
  });

  it('refuses an out-of-warranty, unknown or malformed SN with a message saying so, and opens nothing', async () => {
    const customer = await client().registerCustomer('refused');
    expect((await open(customer, { sn: OUT_OF_WARRANTY })).body).toMatchObject({
      statusCode: 400,
      code: 'out_of_warranty',
      message: `The machine ${OUT_OF_WARRANTY} is out of warranty`,
    });
    expect((await open(customer, { sn: 'ZH99999999999' })).body).toMatchObject({
      statusCode: 404,
      code: 'device_not_found',
    });
    expect((await open(customer, { sn: 'ZH-1' })).body).toMatchObject({
      statusCode: 400,
      message: 'sn: must be 6 to 32 letters and digits, such as ZH10014510045',
    });
    expect((await open(customer, { sn: IN_WARRANTY, text: 'x'.repeat(4_001) })).body).toMatchObject({
      statusCode: 400,
      message: 'text: must be at most 4000 characters',
    });
    expect((await client().call('GET', '/api/consultations', { token: customer })).body).toEqual([]);
  });

  it('posts a message sent twice once, refuses a malformed one, and pages the history', async () => {
    const customer = await client().registerCustomer('chatter');
    const { id } = (await open(customer, { sn: IN_WARRANTY })).body;
    const messageId = randomUUID();
    const sent = await post(customer, id, 'one', messageId);
    expect(sent.status).toBe(201);
    expect((await post(customer, id, 'one', messageId)).body).toEqual(sent.body);
    expect(
      (
        await client().call('POST', `/api/consultations/${id}/messages`, {
          token: customer,
          body: { text: 'no id' },
        })
      ).body,
    ).toMatchObject({
      statusCode: 400,
      message: 'messageId: must be a message id (a UUID) the client made',
    });
    for (const text of ['two', 'three', 'four']) await post(customer, id, text);
    const page = async (query: string) =>
      (
        await client().call<ChatMessage[]>('GET', `/api/consultations/${id}/messages${query}`, {
          token: customer,
        })
      ).body.map((m) => m.text);
    expect(await page('?limit=2')).toEqual(['three', 'four']);
    expect(await page('?before=3&limit=2')).toEqual(['one', 'two']);
    expect(await page('?after=2')).toEqual(['three', 'four']);
    expect(
      (await client().call('GET', `/api/consultations/${id}/messages?before=3&after=1`, { token: customer }))
        .body,
    ).toMatchObject({
      statusCode: 400,
      message: 'after: send before or after, not both',
    });
  });

  it('gives a consultation two agents take at once to exactly one, and tells the other who has it', async () => {
    const customer = await client().registerCustomer('contested');
    const { id } = (await open(customer, { sn: IN_WARRANTY, text: 'help' })).body;
    const [a, b] = await Promise.all(
      [agent, secondAgent].map((token) =>
        client().call<Consultation>('POST', `/api/consultations/${id}/take`, { token }),
      ),
    );
    const statuses = [a!.status, b!.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a!.status === 200 ? [a!, b!] : [b!, a!];
    expect(lost.body).toMatchObject({ code: 'consultation_taken', params: { agentId: won.body.agentId } });
  });

  it('converts a consultation into a repair order awaiting its mail-in form, and the customer keeps chatting', async () => {
    const customer = await client().registerCustomer('converted');
    const { id } = (await open(customer, { sn: IN_WARRANTY, text: 'PSU is dead' })).body;
    expect(
      (await client().call('POST', `/api/consultations/${id}/convert`, { token: agent })).body,
    ).toMatchObject({
      statusCode: 409,
      code: 'illegal_transition',
    });
    expect((await client().call('POST', `/api/consultations/${id}/take`, { token: agent })).status).toBe(200);
    expect((await post(agent, id, 'Please mail it to our Shenzhen point')).status).toBe(201);
    expect(
      (await client().call('POST', `/api/consultations/${id}/convert`, { token: secondAgent })).body,
    ).toMatchObject({
      statusCode: 409,
      code: 'consultation_held',
    });
    const converted = await client().call<{ diagnosisCode: string; consultation: Consultation }>(
      'POST',
      `/api/consultations/${id}/convert`,
      { token: agent },
    );
    expect(converted.status).toBe(200);
    const { diagnosisCode } = converted.body;
    expect(diagnosisCode).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(converted.body.consultation).toMatchObject({
      status: 'completed',
      outcome: 'converted',
      diagnosisCode,
    });

    const orderPath = `/api/repair-orders/${diagnosisCode}`;
    // The repair-orders service opens the order from the conversion's event, a moment later.
    await waitUntil(
      `repair order ${diagnosisCode}`,
      async () => (await client().call('GET', orderPath, { token: customer })).status === 200,
    );
    const order = (
      await client().call<{ lines: { deviceOrderNo: string }[] }>('GET', orderPath, { token: customer })
    ).body;
    expect(order).toMatchObject({
      diagnosisCode,
      consultationId: id,
      status: 'awaiting_submission',
      lines: [{ sn: IN_WARRANTY, model: 'VolcMiner D1', status: 'awaiting_submission' }],
    });
    expect(order.lines[0]!.deviceOrderNo).toMatch(/^[0-9a-f]{32}$/);
    const stranger = await client().registerCustomer('stranger');
    expect(
      (await client().call('GET', `/api/repair-orders/${diagnosisCode}`, { token: stranger })).status,
    ).toBe(404);
    expect((await post(customer, id, 'Shipping it tomorrow')).status).toBe(201);
  });

  it('resolves a consultation without repair, and hands one over to another agent who then answers', async () => {
    const customer = await client().registerCustomer('resolved');
    const { id } = (await open(customer, { sn: IN_WARRANTY, text: 'fan error' })).body;
    await client().call('POST', `/api/consultations/${id}/take`, { token: agent });
    const me = await client().call<{ id: string }>('GET', '/api/me', { token: secondAgent });
    const handed = await client().call<Consultation>('POST', `/api/consultations/${id}/hand-over`, {
      token: agent,
      body: { agentId: me.body.id },
    });
    expect(handed.body).toMatchObject({ agentId: me.body.id, status: 'in_progress' });
    expect((await post(agent, id, 'not mine any more')).body).toMatchObject({
      code: 'consultation_not_held',
    });
    expect((await post(secondAgent, id, 'Clean the fan filter')).status).toBe(201);
    const resolved = await client().call<Consultation>('POST', `/api/consultations/${id}/resolve`, {
      token: secondAgent,
    });
    expect(resolved.body).toMatchObject({ status: 'completed', outcome: 'resolved' });
    const read = await client().call<Consultation>('POST', `/api/consultations/${id}/read`, {
      token: customer,
      body: { upToSeq: 2 },
    });
    expect(read.body.unread).toBe(0);
    expect(
      (
        await client().call('POST', `/api/consultations/${id}/read`, {
          token: customer,
          body: { upToSeq: 'all' },
        })
      ).status,
    ).toBe(400);
  });
});
