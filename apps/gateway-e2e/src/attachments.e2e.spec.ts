import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Objm } from '@nats-io/obj';
import { connect } from '@nats-io/transport-node';
import { NATS_URL, type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';
import { EXE, PNG } from './sample-files.js';

const IN_WARRANTY = 'ZH10014510045';
/** Small enough to pass with a few hundred kilobytes. */
const MAX_BYTES = 256 * 1024;

const LOG = 'fan 1: 0 rpm\n\u001b[31mERROR\u001b[0m hash board 2 not detected\n温度 85°C\n';
/** The start of a Linux executable. */
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}
interface ChatMessage {
  messageId: string;
  seq: number;
  text?: string;
  attachments: Attachment[];
}
interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }>;
  'x-access'?: unknown;
}
interface OpenApi {
  paths: Record<string, { get?: OpenApiOperation; post?: OpenApiOperation }>;
}

type File = [bytes: Buffer | string, name: string];

function formOf(fields: Record<string, string>, files: File[]): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const [bytes, name] of files) form.append('files', new Blob([bytes]), name);
  return form;
}

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('chat attachments in the %s mode', (mode, start) => {
  let product: RunningProduct;
  let agent: string;
  const client = () => new Client(product.url);
  /** The ids the mode's store holds, looked at behind the gateway: the folder, or the NATS bucket. */
  let stored: () => Promise<string[]>;
  let close = async () => {};

  beforeAll(async () => {
    product = await start({ env: { ATTACHMENT_MAX_BYTES: String(MAX_BYTES) } });
    agent = await client().signIn(demoEmail.agent);
    if (mode === 'embedded') {
      const folder = join(product.dataDir!, 'attachments');
      // Every file, half-written ones (`.part`) and metadata (`.json`) included.
      stored = async () => readdirSync(folder);
    } else {
      const connection = await connect({ servers: NATS_URL });
      const bucket = await new Objm(connection).open(`${product.busNamespace}_attachments`);
      stored = async () => (await bucket.list()).filter((o) => !o.deleted).map((o) => o.name);
      close = async () => {
        await bucket.destroy();
        await connection.close();
      };
    }
  });

  afterAll(async () => {
    await close();
    await product?.stop();
  });

  async function consultationOf(customer: string): Promise<string> {
    const opened = await client().call<{ id: string }>('POST', '/api/consultations', {
      token: customer,
      body: { sn: IN_WARRANTY },
    });
    expect(opened.status).toBe(201);
    return opened.body.id;
  }

  const upload = <T = ChatMessage>(token: string, consultation: string, form: FormData) =>
    client().upload<T>(`/api/consultations/${consultation}/messages`, form, token);

  const download = (token: string, id: string) =>
    fetch(`${product.url}/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });

  it('posts a message with a photo and a log, and its customer and the agents download them as stored', async () => {
    const customer = await client().registerCustomer('uploader');
    const consultation = await consultationOf(customer);
    const messageId = randomUUID();
    const posted = await upload(
      customer,
      consultation,
      formOf({ messageId, text: 'Photo and log attached' }, [
        [PNG, 'board.png'],
        [LOG, '矿机日志.log'],
      ]),
    );
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ messageId, text: 'Photo and log attached' });
    const [photo, log] = posted.body.attachments;
    expect(photo).toEqual({
      id: expect.any(String),
      name: 'board.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(log).toEqual({
      id: expect.any(String),
      name: '矿机日志.log',
      contentType: 'text/plain; charset=utf-8',
      size: Buffer.byteLength(LOG),
    });
    expect((await stored()).sort()).toEqual(expect.arrayContaining([photo!.id, log!.id]));

    const history = await client().call<ChatMessage[]>('GET', `/api/consultations/${consultation}/messages`, {
      token: agent,
    });
    expect(history.body.find((m) => m.messageId === messageId)?.attachments).toEqual([photo, log]);

    for (const token of [customer, agent]) {
      const file = await download(token, photo!.id);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-disposition')).toBe('attachment; filename=board.png');
      expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG);
    }
    const text = await download(customer, log!.id);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    // A name beyond ASCII travels as RFC 5987's filename*, with an ASCII fallback for old clients.
    expect(text.headers.get('content-disposition')).toBe(
      `attachment; filename="????.log"; filename*=UTF-8''${encodeURIComponent('矿机日志')}.log`,
    );
    expect(await text.text()).toBe(LOG);
  });

  it('shows another customer neither the consultation nor its files: 404, and stores nothing of theirs', async () => {
    const owner = await client().registerCustomer('owner');
    const consultation = await consultationOf(owner);
    const posted = await upload(owner, consultation, formOf({ messageId: randomUUID() }, [[PNG, 'fan.png']]));
    expect(posted.status).toBe(201);
    const stranger = await client().registerCustomer('stranger');

    const id = posted.body.attachments[0]!.id;
    const read = await download(stranger, id);
    expect(read.status).toBe(404);
    expect(await read.json()).toMatchObject({ code: 'attachment_not_found', message: `No attachment ${id}` });

    const before = await stored();
    const intruding = await upload<ApiError>(
      stranger,
      consultation,
      formOf({ messageId: randomUUID() }, [[PNG, 'mine.png']]),
    );
    expect(intruding.status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('answers 404 for an attachment nobody stored', async () => {
    const customer = await client().registerCustomer('guesser');
    const missing = await download(customer, randomUUID());
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'attachment_not_found' });
  });

  it('posts a message sent again once, and keeps only the files of the first', async () => {
    const customer = await client().registerCustomer('retrier');
    const consultation = await consultationOf(customer);
    const messageId = randomUUID();
    const first = await upload(customer, consultation, formOf({ messageId }, [[PNG, 'fan.png']]));
    const before = await stored();
    const again = await upload(customer, consultation, formOf({ messageId }, [[PNG, 'fan.png']]));
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await stored()).sort()).toEqual(before.sort());
  });

  it('serves a guide image support uploaded to everyone, in the page, and never a chat file by that route', async () => {
    const imageForm = (bytes: Buffer | string, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      return form;
    };
    const uploaded = await client().upload<Attachment & { url: string }>(
      '/api/guide-images',
      imageForm(PNG, '风扇插头.png'),
      agent,
    );
    expect(uploaded.status).toBe(201);
    const { id, url } = uploaded.body;
    expect(uploaded.body).toEqual({
      id,
      name: '风扇插头.png',
      contentType: 'image/png',
      size: PNG.length,
      url,
    });
    expect(url).toBe(`/api/guide-images/${id}`);
    // A visitor, signed in or not, sees it as an image in the page.
    const shown = await fetch(`${product.url}${url}`);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG);
    // The chat's download route does not serve it, nor this route a chat file.
    expect((await download(agent, id)).status).toBe(404);
    const customer = await client().registerCustomer('guide-reader');
    const posted = await upload(
      customer,
      await consultationOf(customer),
      formOf({ messageId: randomUUID() }, [[PNG, 'board.png']]),
    );
    const chatFile = posted.body.attachments[0]!.id;
    const notShown = await fetch(`${product.url}/api/guide-images/${chatFile}`);
    expect(notShown.status).toBe(404);
    expect(notShown.headers.get('cache-control') ?? '').not.toMatch(/immutable/);

    const before = await stored();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const refused = await client().upload<ApiError>(
      '/api/guide-images',
      imageForm(svg, 'diagram.svg'),
      agent,
    );
    expect(refused.body).toMatchObject({
      statusCode: 415,
      code: 'attachment_type',
      params: { name: 'diagram.svg' },
    });
    const log = await client().upload<ApiError>('/api/guide-images', imageForm(LOG, 'miner.log'), agent);
    expect(log.body).toMatchObject({ statusCode: 415, code: 'attachment_type' });
    expect((await client().upload('/api/guide-images', imageForm(PNG, 'x.png'), customer)).status).toBe(403);
    expect((await stored()).sort()).toEqual(before.sort());
  });

  it('documents the message route as JSON or a form with files, and the download as a file', async () => {
    const document = (await client().call<OpenApi>('GET', '/api/docs-json')).body;
    const post = document.paths['/api/consultations/{id}/messages']!.post!;
    const content = post.requestBody!.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(content['application/json']!.schema).toMatchObject({
      properties: { messageId: { type: 'string', format: 'uuid' }, text: { type: 'string' } },
      required: ['messageId'],
    });
    expect(content['multipart/form-data']!.schema).toMatchObject({
      properties: {
        messageId: { type: 'string', format: 'uuid' },
        text: { type: 'string' },
        files: { type: 'array', maxItems: 3, items: { type: 'string', format: 'binary' } },
      },
      required: ['messageId'],
    });
    expect(Object.keys(post.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
    ]);
    const get = document.paths['/api/attachments/{id}']!.get!;
    expect(get['x-access']).toEqual({ roles: ['customer', 'agent'], owned: 'attachment' });
    expect(Object.keys(get.responses['200']!.content!)).toEqual(['application/octet-stream']);
    expect(Object.keys(get.responses['200']!.headers!).sort()).toEqual([
      'Content-Disposition',
      'Content-Type',
    ]);
  });

  describe('refuses an upload with a clear code, and keeps nothing of it', () => {
    const refusals: [string, () => FormData, number, Partial<ApiError>][] = [
      [
        'four files',
        () =>
          formOf({ messageId: randomUUID() }, [
            [PNG, '1.png'],
            [PNG, '2.png'],
            [PNG, '3.png'],
            [PNG, '4.png'],
          ]),
        400,
        { code: 'attachment_too_many', params: { max: 3 } },
      ],
      [
        'a file larger than the limit, after one that fits',
        () =>
          formOf({ messageId: randomUUID() }, [
            [PNG, 'fits.png'],
            [Buffer.alloc(MAX_BYTES + 1, 'a'), 'huge.log'],
          ]),
        413,
        { code: 'attachment_too_large', params: { name: 'huge.log', maxMegabytes: 0.3 } },
      ],
      [
        'a body that announces more bytes than three files may have, before any is read',
        () =>
          formOf({ messageId: randomUUID() }, [[Buffer.alloc(3 * MAX_BYTES + 128 * 1024, 'a'), 'huge.log']]),
        413,
        { code: 'attachment_too_large', params: { name: '', maxMegabytes: 0.3 } },
      ],
      [
        'an executable renamed to a photo',
        () => formOf({ messageId: randomUUID() }, [[EXE, 'photo.jpg']]),
        415,
        { code: 'attachment_type', params: { name: 'photo.jpg', detected: 'application/x-msdownload' } },
      ],
      [
        'an executable renamed to a log',
        () => formOf({ messageId: randomUUID() }, [[ELF, 'miner.log']]),
        415,
        { code: 'attachment_type', params: { name: 'miner.log', detected: 'application/x-elf' } },
      ],
      [
        'binary bytes named as a log',
        () => formOf({ messageId: randomUUID() }, [[Buffer.from([0x66, 0x61, 0x6e, 0x00, 0x01]), 'fan.log']]),
        415,
        { code: 'attachment_not_text', params: { name: 'fan.log' } },
      ],
      [
        'a file of no known type and no log name',
        () => formOf({ messageId: randomUUID() }, [['#!/bin/sh\nrm -rf /\n', 'fix.sh']]),
        415,
        { code: 'attachment_type', params: { name: 'fix.sh', detected: 'unknown' } },
      ],
      [
        'a name that climbs out of its folder',
        () => formOf({ messageId: randomUUID() }, [[PNG, '../../etc/passwd']]),
        400,
        { code: 'attachment_name', params: { name: '../../etc/passwd' } },
      ],
      [
        'an empty file',
        () => formOf({ messageId: randomUUID() }, [['', 'empty.png']]),
        400,
        { code: 'attachment_empty', params: { name: 'empty.png' } },
      ],
      [
        'files without a message id',
        () => formOf({ text: 'no id' }, [[PNG, 'fan.png']]),
        400,
        { code: 'invalid_input' },
      ],
      [
        'a field the form does not take',
        () => formOf({ messageId: randomUUID(), attachments: '[]' }, [[PNG, 'fan.png']]),
        400,
        { code: 'upload_field', params: { field: 'attachments' } },
      ],
    ];

    it.each(refusals)('%s', async (_, form, status, error) => {
      const customer = await client().registerCustomer('refused');
      const consultation = await consultationOf(customer);
      const before = await stored();
      const refused = await upload<ApiError>(customer, consultation, form());
      expect(refused.status).toBe(status);
      expect(refused.body).toMatchObject({ statusCode: status, ...error });
      expect(refused.body.message.length).toBeGreaterThan(0);
      expect((await stored()).sort()).toEqual(before.sort());
      const after = await client().call<{ lastSeq: number }>('GET', `/api/consultations/${consultation}`, {
        token: customer,
      });
      expect(after.body.lastSeq).toBe(0);
    });
  });
});
