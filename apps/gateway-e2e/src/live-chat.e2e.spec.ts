import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type RunningProduct, startDistributed, startEmbedded, waitUntil } from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';
import { LiveClient, type LiveMessage } from './live-client.js';

const IN_WARRANTY = 'ZH10014510045';

const texts = (messages: LiveMessage[]) => messages.map((m) => m.text);

/** The live chat (socket.io namespace `/live`) through the gateway, as the web app's chat pages use it. */
describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('live chat in the %s mode', (_, start) => {
  let product: RunningProduct;
  let agent: string;
  const sockets: LiveClient[] = [];
  const client = () => new Client(product.url);
  const connect = async (token?: string) => {
    const socket = await LiveClient.connect(product.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    product = await start();
    agent = await client().signIn(demoEmail.agent);
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await product?.stop();
  });

  const open = async (customer: string, text?: string) =>
    (
      await client().call<{ id: string }>('POST', '/api/consultations', {
        token: customer,
        body: { sn: IN_WARRANTY, ...(text ? { text } : {}) },
      })
    ).body.id;
  const take = async (id: string) =>
    expect((await client().call('POST', `/api/consultations/${id}/take`, { token: agent })).status).toBe(200);
  const post = async (token: string, id: string, text: string) => {
    const posted = await client().call<LiveMessage>('POST', `/api/consultations/${id}/messages`, {
      token,
      body: { messageId: randomUUID(), text },
    });
    expect(posted.status).toBe(201);
    return posted.body;
  };

  it('refuses a socket without a valid session, and disconnects one whose session ends', async () => {
    await expect(LiveClient.connect(product.url)).rejects.toMatchObject({
      data: { ok: false, code: 'sign_in_required' },
    });
    await expect(LiveClient.connect(product.url, 'not-a-token')).rejects.toMatchObject({
      data: { ok: false, code: 'token_invalid' },
    });

    const signedIn = new Client(product.url);
    const customer = await signedIn.registerCustomer('leaving');
    const id = await open(customer, 'hello');
    const socket = await connect(customer);
    expect(await socket.join(id)).toMatchObject({ ok: true });
    expect((await signedIn.call('POST', '/api/auth/logout', { token: customer })).status).toBe(204);
    await waitUntil('the signed-out socket is disconnected', () => !socket.connected);
    await expect(LiveClient.connect(product.url, customer)).rejects.toMatchObject({
      data: { ok: false, code: 'session_ended' },
    });
  });

  it("answers a customer's join of another customer's consultation as not found, and keeps the queue to agents", async () => {
    const owner = await client().registerCustomer('owner');
    const id = await open(owner, 'my machine');
    const stranger = await connect(await client().registerCustomer('stranger'));
    expect(await stranger.join(id)).toMatchObject({ ok: false, code: 'consultation_not_found' });
    expect(await stranger.join(randomUUID())).toMatchObject({ ok: false, code: 'consultation_not_found' });
    expect(await stranger.emit('watchQueue', {})).toMatchObject({ ok: false, code: 'role_required' });
    expect(await stranger.emit('typing', { consultationId: id })).toMatchObject({
      ok: false,
      code: 'consultation_not_joined',
    });
    expect(await stranger.join('not-an-id')).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: 'consultationId: must be a consultation id (a UUID)',
    });
    // The owner and any agent may follow it.
    expect(await (await connect(owner)).join(id)).toMatchObject({ ok: true, consultation: { id } });
    expect(await (await connect(agent)).join(id)).toMatchObject({ ok: true, consultation: { id } });
  });

  it('gives the customer and the agent each posted message once, relays typing and read marks', async () => {
    const customer = await client().registerCustomer('talker');
    const id = await open(customer, 'Hash board 2 is not detected');
    const customerSocket = await connect(customer);
    const agentSocket = await connect(agent);
    expect(await customerSocket.join(id, 1)).toMatchObject({ ok: true, missed: [] });
    const joined = await agentSocket.join(id);
    expect(joined).toMatchObject({ ok: true, consultation: { id, status: 'open', lastSeq: 1, unread: 1 } });
    expect(joined.ok && texts(joined.missed!)).toEqual(['Hash board 2 is not detected']);

    await post(customer, id, 'It blinks red');
    await take(id);
    await post(agent, id, 'Please send a photo of the board');
    const both = ['It blinks red', 'Please send a photo of the board'];
    for (const socket of [customerSocket, agentSocket]) {
      await waitUntil('both messages on the socket', () => socket.messages.length >= 2);
    }
    // The last message came after the first: any copy of the first would have come before it.
    expect(texts(customerSocket.messages)).toEqual(both);
    expect(texts(agentSocket.messages)).toEqual(both);
    expect(agentSocket.messages.map((m) => m.seq)).toEqual([2, 3]);

    expect(await customerSocket.emit('typing', { consultationId: id })).toEqual({ ok: true });
    await waitUntil('the agent sees the customer typing', () => agentSocket.typing.length === 1);
    expect(agentSocket.typing[0]).toMatchObject({ consultationId: id, author: { kind: 'customer' } });
    expect(await agentSocket.emit('typing', { consultationId: id })).toEqual({ ok: true });
    await waitUntil('the customer sees the agent typing', () => customerSocket.typing.length === 1);
    // The customer's own typing never came back to them: the agent's came after it.
    expect(customerSocket.typing.map((t) => t.author.kind)).toEqual(['agent']);

    const read = await client().call('POST', `/api/consultations/${id}/read`, {
      token: customer,
      body: { upToSeq: 3 },
    });
    expect(read.status).toBe(200);
    await waitUntil('the agent sees the read mark', () => agentSocket.reads.length === 1);
    await waitUntil('the customer sees it too', () => customerSocket.reads.length === 1);
    expect(agentSocket.reads[0]).toMatchObject({
      consultationId: id,
      reader: { kind: 'customer' },
      upToSeq: 3,
    });
    expect(agentSocket.consultations.at(-1)).toMatchObject({ id, lastSeq: 3 });
    expect(customerSocket.consultations.at(-1)).toMatchObject({ id, lastSeq: 3, unread: 0 });
  });

  it('gives a socket that joins again after a disconnect exactly the messages it missed, in order', async () => {
    const customer = await client().registerCustomer('reconnecting');
    const id = await open(customer, 'first');
    const before = await connect(customer);
    await before.join(id);
    await post(customer, id, 'second');
    await waitUntil('the second message', () => before.messages.length === 1);
    before.close();
    await take(id);

    // More than one page of the history (100) is missed while the customer is away.
    const missedTexts = Array.from({ length: 102 }, (_, i) => `answer ${i + 1}`);
    for (const text of missedTexts) await post(agent, id, text);
    const after = await connect(customer);
    const joined = await after.join(id, before.messages.at(-1)!.seq);
    if (!joined.ok) throw new Error(joined.message);
    expect(texts(joined.missed!)).toEqual(missedTexts);
    expect(joined.missed!.map((m) => m.seq)).toEqual(missedTexts.map((_, i) => i + 3));

    await post(agent, id, 'live again');
    await waitUntil('the live message', () => after.messages.length === 1);
    expect(texts(after.messages)).toEqual(['live again']);
  });

  it('shows an agent watching the queue a consultation a customer opens', async () => {
    const watcher = await connect(agent);
    expect(await watcher.emit('watchQueue', {})).toEqual({ ok: true });
    const id = await open(await client().registerCustomer('newcomer'), 'is anyone there?');
    await waitUntil('the new consultation in the queue', () =>
      watcher.consultations.some((c) => c.id === id),
    );
    expect(watcher.consultations.find((c) => c.id === id)).toMatchObject({
      status: 'open',
      lastSeq: 1,
      unread: 1,
    });
  });
});

describe('live chat through two gateway processes', () => {
  let product: RunningProduct;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    product = await startDistributed({ gateways: 2 });
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await product?.stop();
  });

  it('relays one conversation between a customer on one gateway and an agent on the other', async () => {
    const [first, second] = product.gatewayUrls!;
    const customer = await new Client(first!).registerCustomer('far');
    const agent = await new Client(second!).signIn(demoEmail.agent);
    const opened = await new Client(first!).call<{ id: string }>('POST', '/api/consultations', {
      token: customer,
      body: { sn: IN_WARRANTY },
    });
    const id = opened.body.id;
    const customerSocket = await LiveClient.connect(first!, customer);
    const agentSocket = await LiveClient.connect(second!, agent);
    sockets.push(customerSocket, agentSocket);
    expect(await customerSocket.join(id)).toMatchObject({ ok: true });
    expect(await agentSocket.join(id)).toMatchObject({ ok: true });
    const taken = await new Client(second!).call('POST', `/api/consultations/${id}/take`, { token: agent });
    expect(taken.status).toBe(200);

    const say = async (url: string, token: string, text: string) =>
      expect(
        (
          await new Client(url).call('POST', `/api/consultations/${id}/messages`, {
            token,
            body: { messageId: randomUUID(), text },
          })
        ).status,
      ).toBe(201);
    await say(first!, customer, 'Fan 3 stopped');
    await waitUntil('the agent on the other gateway sees it', () => agentSocket.messages.length === 1);
    await say(second!, agent, 'Which model?');
    await waitUntil('the customer on the other gateway sees it', () => customerSocket.messages.length === 2);
    expect(texts(customerSocket.messages)).toEqual(['Fan 3 stopped', 'Which model?']);
    await waitUntil('the agent has both', () => agentSocket.messages.length === 2);
    expect(texts(agentSocket.messages)).toEqual(['Fan 3 stopped', 'Which model?']);

    expect(await agentSocket.emit('typing', { consultationId: id })).toEqual({ ok: true });
    await waitUntil('the customer sees the agent typing', () => customerSocket.typing.length === 1);
  });
});
