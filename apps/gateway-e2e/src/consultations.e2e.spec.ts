import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningProduct, startDistributed, startEmbedded, waitUntil } from '@aftersales/shared-testing';
import { demoGuides } from '@aftersales/consultation-data-access';
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

interface CannedReply {
  id: string;
  title: string;
  text: string;
  version: number;
}

interface EarlierTickets {
  consultations: Consultation[];
  repairOrders: { diagnosisCode: string; consultationId: string; lines: { sn: string }[] }[];
}

interface Localized {
  'zh-CN': string;
  en: string;
}
interface GuideContent {
  title: Localized;
  body: Localized;
  models: string[];
  category: string;
  symptoms: string[];
}
interface Guide extends GuideContent {
  id: string;
  feedback: { helpful: number; notHelpful: number };
}
interface GuideSearch {
  guides: (Omit<Guide, 'body'> & { excerpt: Localized })[];
  models: string[];
}
interface EditableGuide {
  id: string;
  status: 'draft' | 'published';
  version: number;
  unpublishedChanges: boolean;
  content: GuideContent;
  feedback: { helpful: number; notHelpful: number };
}
interface GuideVersion {
  version: number;
  change: string;
  by: string;
  fields: string[];
  content?: GuideContent;
}

/** A guide as support first writes it, and the change it makes after publishing it. */
const newGuide: GuideContent = {
  title: { 'zh-CN': '控制板指示灯不亮', en: 'Control board lights stay dark' },
  body: { 'zh-CN': '1. 检查控制板供电线。', en: '1. Check the control board power cable.' },
  models: ['VolcMiner D1 Mini'],
  category: 'power',
  symptoms: ['ERROR_CONTROL_BOARD_DARK'],
};
const revisedGuide: GuideContent = {
  ...newGuide,
  body: {
    'zh-CN': '1. 断电。\n2. 重新插紧控制板供电线。',
    en: '1. Power off.\n2. Reseat the control board power cable.',
  },
};

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
  let admin: string;
  const client = () => new Client(product.url);

  beforeAll(async () => {
    product = await start();
    agent = await client().signIn(demoEmail.agent);
    admin = await client().signIn(demoEmail.admin);
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

  it('refuses none of what the customer and the agent do at the same moment: a take, a read mark, a message', async () => {
    const customer = await client().registerCustomer('simultaneous');
    const { id } = (await open(customer, { sn: IN_WARRANTY, text: 'anyone there?' })).body;
    const answers = await Promise.all([
      client().call('POST', `/api/consultations/${id}/take`, { token: agent }),
      client().call('POST', `/api/consultations/${id}/read`, { token: agent, body: { upToSeq: 1 } }),
      post(customer, id, 'the fan is loud'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 201]);
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

  it('lists the active agents by name to hand over to, and refuses a hand-over to anyone else', async () => {
    const idOf = async (token: string) =>
      (await client().call<{ id: string }>('GET', '/api/me', { token })).body.id;
    const email = `leaver.${randomUUID()}@example.com`;
    const leaver = await client().call<{ id: string }>('POST', '/api/admin/users', {
      token: admin,
      body: { email, password: 'a long enough password', displayName: 'Leaving agent', role: 'agent' },
    });
    expect(
      (await client().call('POST', `/api/admin/users/${leaver.body.id}/disable`, { token: admin })).status,
    ).toBe(200);
    const customer = await client().registerCustomer('handed');
    const agents = await client().call<{ id: string; displayName: string }[]>('GET', '/api/agents', {
      token: agent,
    });
    expect(agents.status).toBe(200);
    expect(agents.body).toContainEqual({ id: await idOf(secondAgent), displayName: 'Second agent' });
    expect(agents.body).toContainEqual({ id: await idOf(agent), displayName: '演示客服 Demo Agent' });
    const ids = agents.body.map((a) => a.id);
    expect(ids).not.toContain(leaver.body.id);
    expect(ids).not.toContain(await idOf(customer));
    expect(agents.body.every((a) => Object.keys(a).sort().join() === 'displayName,id')).toBe(true);
    expect((await client().call('GET', '/api/agents', { token: customer })).status).toBe(403);

    const { id } = (await open(customer, { sn: IN_WARRANTY, text: 'fan error' })).body;
    await client().call('POST', `/api/consultations/${id}/take`, { token: agent });
    for (const stranger of [leaver.body.id, await idOf(customer)]) {
      expect(
        (
          await client().call('POST', `/api/consultations/${id}/hand-over`, {
            token: agent,
            body: { agentId: stranger },
          })
        ).body,
      ).toMatchObject({
        statusCode: 400,
        code: 'hand_over_to_non_agent',
        message: `agentId: ${stranger} is not an active agent`,
      });
    }
    const still = await client().call<Consultation>('GET', `/api/consultations/${id}`, { token: agent });
    expect(still.body).toMatchObject({ agentId: await idOf(agent), status: 'in_progress' });
  });

  it('keeps the canned replies agents share: created once however often sent, changed on the version read, deleted', async () => {
    const replies = async (token = agent) =>
      (await client().call<CannedReply[]>('GET', '/api/canned-replies', { token })).body;
    const create = (body: object, token = agent) =>
      client().call<CannedReply>('POST', '/api/canned-replies', { token, body });
    const id = randomUUID();
    const created = await create({ id, title: '  问候 Greeting ', text: '您好，请问有什么可以帮您？' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      id,
      title: '问候 Greeting',
      text: '您好，请问有什么可以帮您？',
      version: 1,
    });
    const retried = await create({ id, title: '问候 Greeting', text: '您好，请问有什么可以帮您？' });
    expect(retried.body).toEqual(created.body);
    expect((await create({ id, title: 'Other', text: 'Other words' }, secondAgent)).body).toMatchObject({
      statusCode: 409,
      code: 'canned_reply_exists',
    });
    // Shared by the team: another agent sees it, and so does an admin.
    expect((await replies(secondAgent)).filter((r) => r.id === id)).toEqual([created.body]);
    expect((await replies(admin)).map((r) => r.id)).toContain(id);

    const path = `/api/canned-replies/${id}`;
    const change = (body: object, ifMatch?: string) =>
      client().call<CannedReply>('PUT', path, {
        token: secondAgent,
        body,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    const shipping = { title: 'Mail-in', text: 'Please pack the miner in its original box.' };
    expect((await change(shipping)).status).toBe(428);
    const changed = await change(shipping, '"1"');
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(changed.body).toMatchObject({ ...shipping, version: 2 });
    // Made on the version before the change: refused, not written over it.
    expect((await change({ title: 'Stale', text: 'Stale' }, '"1"')).status).toBe(412);
    expect((await replies()).filter((r) => r.id === id)).toEqual([changed.body]);

    expect((await client().call('DELETE', path, { token: agent })).status).toBe(204);
    expect((await client().call('DELETE', path, { token: agent })).status).toBe(204);
    expect((await replies()).map((r) => r.id)).not.toContain(id);
    expect((await change(shipping, '"3"')).body).toMatchObject({
      statusCode: 404,
      code: 'canned_reply_not_found',
    });
    expect(
      (await client().call('DELETE', `/api/canned-replies/${randomUUID()}`, { token: agent })).status,
    ).toBe(404);
  });

  it('refuses a malformed canned reply naming the field, and writes nothing', async () => {
    const before = await client().call<CannedReply[]>('GET', '/api/canned-replies', { token: agent });
    const refused = async (body: object) =>
      (await client().call('POST', '/api/canned-replies', { token: agent, body })).body;
    expect(await refused({ id: 'greeting', title: 'Greeting', text: 'Hello' })).toMatchObject({
      statusCode: 400,
      message: 'id: must be a canned reply id (a UUID)',
    });
    expect(await refused({ id: randomUUID(), title: '   ', text: 'Hello' })).toMatchObject({
      statusCode: 400,
      message: 'title: is required',
    });
    expect(await refused({ id: randomUUID(), title: 'Greeting' })).toMatchObject({
      statusCode: 400,
      message: 'text: is required',
    });
    expect(await refused({ id: randomUUID(), title: 'Long', text: 'x'.repeat(4_001) })).toMatchObject({
      statusCode: 400,
      message: 'text: must be at most 4000 characters',
    });
    const customer = await client().registerCustomer('not-an-agent');
    const byCustomer = await client().call('POST', '/api/canned-replies', {
      token: customer,
      body: { id: randomUUID(), title: 'Mine', text: 'Mine' },
    });
    expect(byCustomer.status).toBe(403);

    const kept = { id: randomUUID(), title: 'Kept', text: 'Kept as it is' };
    const created = (
      await client().call<CannedReply>('POST', '/api/canned-replies', { token: agent, body: kept })
    ).body;
    expect(
      (
        await client().call('PUT', `/api/canned-replies/${kept.id}`, {
          token: agent,
          body: { title: 'Kept', text: '' },
          headers: { 'if-match': '"1"' },
        })
      ).body,
    ).toMatchObject({ statusCode: 400, message: 'text: is required' });
    const after = await client().call<CannedReply[]>('GET', '/api/canned-replies', { token: agent });
    const ids = (list: CannedReply[]) => list.map((r) => r.id).sort();
    expect(ids(after.body)).toEqual(ids([...before.body, created]));
    expect(after.body.find((r) => r.id === kept.id)).toEqual(created);
  });

  it("shows an agent the customer's other consultations and repair orders, but not a customer", async () => {
    const customer = await client().registerCustomer('returning');
    const earlier = (await open(customer, { sn: IN_WARRANTY, text: 'PSU fan noise' })).body;
    await client().call('POST', `/api/consultations/${earlier.id}/take`, { token: agent });
    const { diagnosisCode } = (
      await client().call<{ diagnosisCode: string }>('POST', `/api/consultations/${earlier.id}/convert`, {
        token: agent,
      })
    ).body;
    await waitUntil(
      `repair order ${diagnosisCode}`,
      async () =>
        (await client().call('GET', `/api/repair-orders/${diagnosisCode}`, { token: customer })).status ===
        200,
    );
    const current = (await open(customer, { sn: IN_WARRANTY, text: 'The PSU fan is loud again' })).body;
    const stranger = await client().registerCustomer('unrelated');
    await open(stranger, { sn: IN_WARRANTY, text: 'Not theirs' });

    const tickets = (id: string, token = agent) =>
      client().call<EarlierTickets>('GET', `/api/consultations/${id}/earlier-tickets`, { token });
    const beside = await tickets(current.id);
    expect(beside.status).toBe(200);
    expect(beside.body.consultations).toMatchObject([
      { id: earlier.id, number: earlier.number, status: 'completed', outcome: 'converted', diagnosisCode },
    ]);
    expect(beside.body.repairOrders).toMatchObject([
      { diagnosisCode, consultationId: earlier.id, lines: [{ sn: IN_WARRANTY }] },
    ]);
    // Beside the converted one: the newer consultation, and not the order it is converted into itself.
    const besideEarlier = await tickets(earlier.id, secondAgent);
    expect(besideEarlier.body.consultations.map((c) => c.id)).toEqual([current.id]);
    expect(besideEarlier.body.repairOrders).toEqual([]);

    expect((await tickets(current.id, customer)).status).toBe(403);
    expect((await tickets(randomUUID())).body).toMatchObject({
      statusCode: 404,
      code: 'consultation_not_found',
    });
    expect((await tickets('not-a-uuid')).body).toMatchObject({
      statusCode: 400,
      message: 'id: must be a UUID',
    });
  });
  const guides = (query = '', token?: string) =>
    client().call<GuideSearch>('GET', `/api/guides${query}`, token ? { token } : {});
  /** The guides a search for the new guide's error code finds, best first. */
  const foundByCode = async (token?: string) =>
    (await guides('?q=ERROR_CONTROL_BOARD_DARK', token)).body.guides.map((g) => g.id);

  it('finds the seeded guides in Chinese and English, by error code, and by model, without signing in', async () => {
    const fans = demoGuides.find((g) => g.content.category === 'fan')!;
    const titles = async (query: string) => (await guides(query)).body.guides.map((g) => g.title['zh-CN']);
    expect((await titles('?q=散热'))[0]).toBe(fans.content.title['zh-CN']);
    expect((await titles(`?q=${encodeURIComponent('风扇')}`))[0]).toBe(fans.content.title['zh-CN']);
    expect((await titles('?q=fan%20noise'))[0]).toBe(fans.content.title['zh-CN']);
    expect((await titles('?q=ERROR_TEMP_TOO_HIGH'))[0]).toBe('温度过高：过温保护、降频或自动停机');
    // No fan guide for the water-cooled model: it has no fans.
    const hydro = await guides(
      `?model=${encodeURIComponent('VolcMiner D1 Hydro')}&q=${encodeURIComponent('风扇')}`,
    );
    expect(hydro.body.guides.map((g) => g.id)).not.toContain(fans.id);
    const all = await guides();
    expect(all.status).toBe(200);
    expect(all.body.guides).toHaveLength(demoGuides.length);
    expect(all.body.models).toEqual([
      'VolcMiner D1',
      'VolcMiner D1 Hydro',
      'VolcMiner D1 Lite',
      'VolcMiner D1 Mini',
    ]);
    const read = await client().call<Guide>('GET', `/api/guides/${fans.id}`);
    expect(read.body).toMatchObject({
      ...fans.content,
      id: fans.id,
      feedback: { helpful: 0, notHelpful: 0 },
    });
    expect((await guides('?category=cooling')).body).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/^category: must be one of hash_board, fan/),
    });
  });

  it('keeps a guide a draft nobody else reads until support publishes it, and keeps every version', async () => {
    const customer = await client().registerCustomer('guide-reader');
    const id = randomUUID();
    const created = await client().call<EditableGuide>('POST', '/api/guides', {
      token: agent,
      body: { id, ...newGuide },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({ id, status: 'draft', version: 1, content: newGuide });
    // A draft: not found by visitors and customers, not in their search, not open to feedback.
    for (const token of [undefined, customer]) {
      expect((await client().call('GET', `/api/guides/${id}`, token ? { token } : {})).body).toMatchObject({
        statusCode: 404,
        code: 'guide_not_found',
      });
      expect(await foundByCode(token)).not.toContain(id);
    }
    const early = await client().call('POST', `/api/guides/${id}/feedback`, {
      token: customer,
      body: { helpful: true },
    });
    expect(early.status).toBe(404);
    const staffList = await client().call<EditableGuide[]>('GET', '/api/guides/all', { token: admin });
    expect(staffList.body.find((g) => g.id === id)).toMatchObject({ status: 'draft', title: newGuide.title });

    const change = (body: object, ifMatch?: string, token = secondAgent) =>
      client().call<EditableGuide>('PUT', `/api/guides/${id}`, {
        token,
        body,
        ...(ifMatch ? { headers: { 'if-match': ifMatch } } : {}),
      });
    expect((await change(revisedGuide)).status).toBe(428);
    const published = await client().call<EditableGuide>('POST', `/api/guides/${id}/publish`, {
      token: agent,
      headers: { 'if-match': '"1"' },
    });
    expect(published.body).toMatchObject({ status: 'published', version: 2, unpublishedChanges: false });
    expect((await foundByCode(customer))[0]).toBe(id);

    // Made on the version before publishing: refused, not written over it.
    expect((await change(revisedGuide, '"1"')).status).toBe(412);
    const revised = await change(revisedGuide, '"2"');
    expect(revised.headers.get('etag')).toBe('"3"');
    expect(revised.body).toMatchObject({
      status: 'published',
      unpublishedChanges: true,
      content: revisedGuide,
    });
    // Readers still see what was published, until it is published again.
    expect((await client().call<Guide>('GET', `/api/guides/${id}`)).body.body).toEqual(newGuide.body);
    expect(
      (await client().call<EditableGuide>('POST', `/api/guides/${id}/publish`, { token: admin })).body,
    ).toMatchObject({
      version: 4,
      unpublishedChanges: false,
    });
    expect((await client().call<Guide>('GET', `/api/guides/${id}`)).body.body).toEqual(revisedGuide.body);

    const idOf = async (token: string) =>
      (await client().call<{ id: string }>('GET', '/api/me', { token })).body.id;
    const [agentId, secondAgentId, adminId] = await Promise.all([agent, secondAgent, admin].map(idOf));
    const versions = await client().call<GuideVersion[]>('GET', `/api/guides/${id}/versions`, {
      token: agent,
    });
    expect(versions.body).toMatchObject([
      { version: 4, change: 'published', by: adminId, fields: ['body'] },
      { version: 3, change: 'edited', by: secondAgentId, fields: ['body'] },
      {
        version: 2,
        change: 'published',
        by: agentId,
        fields: ['title', 'body', 'models', 'category', 'symptoms'],
      },
      { version: 1, change: 'created', by: agentId },
    ]);
    const first = await client().call<GuideVersion>('GET', `/api/guides/${id}/versions/1`, { token: admin });
    expect(first.body.content).toEqual(newGuide);
    expect((await client().call('GET', `/api/guides/${id}/versions/9`, { token: admin })).status).toBe(404);

    const withdrawn = await client().call<EditableGuide>('POST', `/api/guides/${id}/withdraw`, {
      token: agent,
    });
    expect(withdrawn.body).toMatchObject({ status: 'draft', version: 5 });
    expect((await client().call('GET', `/api/guides/${id}`)).status).toBe(404);
    expect(await foundByCode()).not.toContain(id);
  });

  it('refuses a malformed guide naming the field, lets only support write, and writes nothing', async () => {
    const before = (await client().call<EditableGuide[]>('GET', '/api/guides/all', { token: agent })).body;
    const refused = async (body: object) =>
      (await client().call('POST', '/api/guides', { token: agent, body })).body;
    expect(await refused({ ...newGuide, id: 'guide-1' })).toMatchObject({
      statusCode: 400,
      message: 'id: must be a guide id (a UUID)',
    });
    expect(
      await refused({ ...newGuide, id: randomUUID(), title: { 'zh-CN': '标题', en: '  ' } }),
    ).toMatchObject({
      statusCode: 400,
      message: 'title.en: is required',
    });
    expect(await refused({ ...newGuide, id: randomUUID(), models: [] })).toMatchObject({
      statusCode: 400,
      message: 'models: name at least one model',
    });
    expect(
      await refused({ ...newGuide, id: randomUUID(), body: { 'zh-CN': 'x'.repeat(20_001), en: 'x' } }),
    ).toMatchObject({
      statusCode: 400,
      message: 'body.zh-CN: must be at most 20000 characters',
    });
    const customer = await client().registerCustomer('not-support');
    expect(
      (
        await client().call('POST', '/api/guides', {
          token: customer,
          body: { id: randomUUID(), ...newGuide },
        })
      ).status,
    ).toBe(403);
    expect(
      (await client().call('POST', '/api/guides', { body: { id: randomUUID(), ...newGuide } })).status,
    ).toBe(401);
    const after = (await client().call<EditableGuide[]>('GET', '/api/guides/all', { token: agent })).body;
    expect(after.map((g) => g.id).sort()).toEqual(before.map((g) => g.id).sort());
  });

  it("counts each customer's word on whether a guide helped once, which they may change, for support to read", async () => {
    const guide = demoGuides.find((g) => g.content.category === 'network')!;
    const say = (token: string, helpful: unknown) =>
      client().call<{ helpful: boolean; feedback: { helpful: number; notHelpful: number } }>(
        'POST',
        `/api/guides/${guide.id}/feedback`,
        { token, body: { helpful } },
      );
    const [first, second] = await Promise.all([
      client().registerCustomer('helped'),
      client().registerCustomer('not-helped'),
    ]);
    const before = (await client().call<Guide>('GET', `/api/guides/${guide.id}`)).body.feedback;
    await say(first!, true);
    await say(first!, true);
    await say(second!, false);
    const changed = await say(second!, true);
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      helpful: true,
      feedback: { helpful: before.helpful + 2, notHelpful: before.notHelpful },
    });
    expect((await say(first!, 'yes')).body).toMatchObject({
      statusCode: 400,
      message: 'helpful: must be true or false',
    });
    expect((await say(agent, true)).status).toBe(403);
    const staffView = await client().call<EditableGuide>('GET', `/api/guides/${guide.id}/draft`, {
      token: agent,
    });
    expect(staffView.body.feedback).toEqual(changed.body.feedback);
  });
});
