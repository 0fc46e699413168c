import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Client, demoEmail } from './client.js';
import { type RunningProduct, startDistributed, startEmbedded, waitUntil } from '@aftersales/shared-testing';

const ROWS = 100_000;

/** A registry export with a bad row every 333 rows, of five kinds, and the exact report it must produce. */
function registryCsv(changedModel?: (i: number) => string | undefined) {
  const lines = ['sn,model,shipped_at,customer_ref'];
  const rejections: { line: number; reason: string }[] = [];
  for (let i = 0; i < ROWS; i++) {
    const line = i + 2;
    const sn = `ZH7${String(i).padStart(10, '0')}`;
    const model = changedModel?.(i) ?? 'VolcMiner D1';
    if (i % 333 === 7) {
      switch (((i / 333) % 5) | 0) {
        case 0:
          lines.push(`ZH-${i},${model},2025-03-01,farm-${i % 17}`);
          rejections.push({ line, reason: 'sn: must be 6 to 32 letters and digits, such as ZH10014510045' });
          continue;
        case 1:
          lines.push(`${sn},,2025-03-01,farm-1`);
          rejections.push({ line, reason: 'model: is required' });
          continue;
        case 2:
          lines.push(`${sn},${model},2025-02-30,farm-1`);
          rejections.push({ line, reason: 'shipped_at: must be a real calendar day' });
          continue;
        case 3:
          lines.push(`${sn},${model},2999-01-01,farm-1`);
          rejections.push({ line, reason: 'shipped_at: is in the future' });
          continue;
        default:
          lines.push(`ZH7${String(i - 1).padStart(10, '0')},${model},2025-03-01,farm-1`);
          rejections.push({
            line,
            reason: `sn: ZH7${String(i - 1).padStart(10, '0')} appears again (first on line ${line - 1})`,
          });
          continue;
      }
    }
    lines.push(`${sn},${model},2025-03-01,farm-${i % 17}`);
  }
  return { csv: lines.join('\n') + '\n', rejections };
}

async function upload(client: Client, token: string, csv: string, id = randomUUID()) {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'registry.csv');
  const response = await fetch(`${client.baseUrl}/api/admin/devices/imports?id=${id}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { id, status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each([
  ['distributed', startDistributed],
  ['embedded', startEmbedded],
])('device registry import in the %s mode', (_, start) => {
  let product: RunningProduct;
  let client: Client;
  let admin: string;
  const { csv, rejections } = registryCsv();

  beforeAll(async () => {
    product = await start();
    client = new Client(product.url);
    admin = await client.signIn(demoEmail.admin);
  });

  afterAll(() => product?.stop());

  it('imports 100,000 rows, showing progress while it runs, and reports every rejected line with its reason', async () => {
    const id = randomUUID();
    const progress: number[] = [];
    // Follows the import as the admin page does, recording the progress it shows, until it has ended.
    const polling = waitUntil(
      'the import has ended',
      async () => {
        const seen = await client.call<{ processedRows: number; status: string }>(
          'GET',
          `/api/admin/devices/imports/${id}`,
          { token: admin },
        );
        if (seen.status !== 200) return false;
        progress.push(seen.body.processedRows);
        return seen.body.status !== 'running';
      },
      60_000,
    );
    const result = await upload(client, admin, csv, id);
    await polling;
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      status: 'completed',
      processedRows: ROWS,
      inserted: ROWS - rejections.length,
      updated: 0,
      unchanged: 0,
      rejected: rejections.length,
    });
    expect(progress.some((n) => n > 0 && n < ROWS)).toBe(true);
    const report = await client.call<{ line: number; reason: string }[]>(
      'GET',
      `/api/admin/devices/imports/${id}/rejections`,
      { token: admin },
    );
    expect(report.body).toEqual(rejections);
    const csvReport = await fetch(`${product.url}/api/admin/devices/imports/${id}/rejections.csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csvReport.headers.get('content-disposition')).toMatch(/^attachment; filename="rejected-rows-/);
    const text = await csvReport.text();
    expect(text.split('\n')[0]).toBe('line,reason');
    expect(text.split('\n')[1]).toBe(`${rejections[0]!.line},"${rejections[0]!.reason}"`);
  });

  it('changes nothing when the same file is imported again', async () => {
    const again = await upload(client, admin, csv);
    expect(again.body).toMatchObject({
      status: 'completed',
      inserted: 0,
      updated: 0,
      unchanged: ROWS - rejections.length,
      rejected: rejections.length,
    });
  });

  it('updates changed rows explicitly, with their history', async () => {
    // Rows 0 to 9 change model; row 7 is one of the bad rows, so nine devices change.
    const changed = registryCsv((i) => (i < 10 ? 'VolcMiner D1 Hydro' : undefined));
    const result = await upload(client, admin, changed.csv);
    expect(result.body).toMatchObject({ inserted: 0, updated: 9, unchanged: ROWS - rejections.length - 9 });
    const history = await client.call<object[]>('GET', '/api/admin/devices/ZH70000000003/history', {
      token: admin,
    });
    expect(history.body).toEqual([
      expect.objectContaining({
        importId: result.id,
        before: expect.objectContaining({ model: 'VolcMiner D1' }),
        after: expect.objectContaining({ model: 'VolcMiner D1 Hydro' }),
      }),
    ]);
    const lookup = await client.call('GET', '/api/warranty/ZH70000000003', { token: admin });
    expect(lookup.body).toMatchObject({ model: 'VolcMiner D1 Hydro', basis: { policyMonths: 24 } });
  });

  it('refuses a file whose header is not the registry format, and names the problem', async () => {
    const result = await upload(client, admin, 'serial,model\nZH1,VolcMiner D1\n');
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      code: 'csv_header',
      message:
        'file: The header must name sn, model, shipped_at and may add customer_ref, order_ref; missing: sn, shipped_at; unknown: serial',
      params: { missing: 'sn, shipped_at', unknown: 'serial' },
    });
    const failed = await client.call('GET', `/api/admin/devices/imports/${result.id}`, { token: admin });
    expect(failed.body).toMatchObject({ status: 'failed', processedRows: 0 });
  });

  it('refuses a second import with the same id, and an upload without a file', async () => {
    const first = await upload(client, admin, 'sn,model,shipped_at\n');
    const second = await upload(client, admin, 'sn,model,shipped_at\n', first.id);
    expect(second.status).toBe(409);
    const noFile = await client.call('POST', `/api/admin/devices/imports?id=${randomUUID()}`, {
      token: admin,
      body: {},
    });
    expect(noFile.status).toBe(415);
    expect(noFile.body).toMatchObject({
      code: 'multipart_required',
      message: 'file: send the CSV as multipart/form-data in the field "file"',
    });
    const otherField = new FormData();
    otherField.append('csv', new Blob(['sn,model,shipped_at\n'], { type: 'text/csv' }), 'registry.csv');
    const wrongField = await fetch(`${client.baseUrl}/api/admin/devices/imports?id=${randomUUID()}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: otherField,
    });
    expect(wrongField.status).toBe(400);
    const noId = await client.call('POST', '/api/admin/devices/imports', { token: admin, body: {} });
    expect(noId.body.message).toBe('id: must be a UUID');
  });

  it.each([
    ['/api/admin/devices/imports/42', 400, 'id: must be a UUID'],
    ['/api/admin/devices/imports/42/rejections', 400, 'id: must be a UUID'],
    ['/api/admin/devices/imports/42/rejections.csv', 400, 'id: must be a UUID'],
    ['/api/admin/devices/ZH-1/history', 400, 'sn: must be 6 to 32 letters and digits, such as ZH10014510045'],
    [`/api/admin/devices/imports/${randomUUID()}`, 404, undefined],
    [`/api/admin/devices/imports/${randomUUID()}/rejections`, 404, undefined],
  ])('answers GET %s with %i', async (path, status, message) => {
    const response = await client.call('GET', path, { token: admin });
    expect(response.status).toBe(status);
    if (message) expect(response.body.message).toBe(message);
  });
});

/** Limits small enough to reach with a few thousand rows: 3,000 rows or 150,000 bytes. */
const limits = { IMPORT_MAX_ROWS: '3000', IMPORT_MAX_BYTES: '150000' };

/** `count` valid registry rows of SNs no other test uses, 39 bytes each with the line break. */
function freshRows(count: number) {
  const prefix = `ZH9${String(Date.now() % 1e6).padStart(6, '0')}`;
  const sns = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`);
  return { sns, lines: sns.map((sn) => `${sn},VolcMiner D1,2025-03-01,farm-1`) };
}

/** A multipart body sent as a stream of chunks, so that no Content-Length announces its size. */
function streamedUpload(csv: string) {
  const boundary = `----aftersales${randomUUID()}`;
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.csv"\r\n` +
      'Content-Type: text/csv\r\n\r\n',
    ...(csv.match(/[\s\S]{1,16384}/g) ?? []),
    `\r\n--${boundary}--\r\n`,
  ];
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each([
  ['distributed', startDistributed],
  ['embedded', startEmbedded],
])('device import limits in the %s mode', (_, start) => {
  let product: RunningProduct;
  let client: Client;
  let admin: string;

  beforeAll(async () => {
    product = await start({ env: limits });
    client = new Client(product.url);
    admin = await client.signIn(demoEmail.admin);
  });

  afterAll(() => product?.stop());

  /** None of the SNs is registered: each lookup answers 404. */
  async function registered(sns: string[]) {
    const found = [];
    for (const sn of sns) {
      const lookup = await client.call('GET', `/api/warranty/${sn}`, { token: admin });
      expect([200, 404]).toContain(lookup.status);
      if (lookup.status === 200) found.push(sn);
    }
    return found;
  }

  async function importOf(id: string) {
    return (await client.call('GET', `/api/admin/devices/imports/${id}`, { token: admin })).body;
  }

  it('registers a file within the limits', async () => {
    const { sns, lines } = freshRows(3_000);
    const result = await upload(client, admin, ['sn,model,shipped_at,customer_ref', ...lines].join('\n'));
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'completed', inserted: 3_000 });
    expect(await registered([sns[0]!, sns[2_999]!])).toEqual([sns[0], sns[2_999]]);
  });

  it('refuses a file that announces more bytes than the limit with 413, before it starts an import', async () => {
    const { sns, lines } = freshRows(4_500);
    const result = await upload(client, admin, ['sn,model,shipped_at,customer_ref', ...lines].join('\n'));
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({
      statusCode: 413,
      message: 'file: an import takes a file of at most 150000 bytes',
    });
    expect(
      (await client.call('GET', `/api/admin/devices/imports/${result.id}`, { token: admin })).status,
    ).toBe(404);
    expect(await registered([sns[0]!, sns[4_499]!])).toEqual([]);
  });

  it('refuses a streamed file that grows past the limit with 413, and registers none of the rows it staged', async () => {
    // Rows of 89 bytes: the bytes run out near row 1,690, before the 3,000 rows do.
    const { sns, lines } = freshRows(2_500);
    const id = randomUUID();
    const { body, contentType } = streamedUpload(
      ['sn,model,shipped_at,customer_ref', ...lines.map((l) => l + 'x'.repeat(50))].join('\n'),
    );
    const response = await fetch(`${client.baseUrl}/api/admin/devices/imports?id=${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      message: 'file: an import takes a file of at most 150000 bytes',
    });
    const failed = await importOf(id);
    expect(failed).toMatchObject({
      status: 'failed',
      inserted: 0,
      error: 'file: an import takes a file of at most 150000 bytes',
    });
    // Rows were staged while the file streamed in; none of them reached the registry.
    expect(failed.processedRows).toBeGreaterThanOrEqual(1_000);
    expect(await registered([sns[0]!, sns[999]!, sns[1_600]!])).toEqual([]);
  });

  it('refuses more rows than the import takes with 413, and registers none of them', async () => {
    const { sns, lines } = freshRows(3_001);
    const result = await upload(
      client,
      admin,
      ['sn,model,shipped_at', ...lines.map((l) => l.slice(0, -7))].join('\n'),
    );
    expect(result.status).toBe(413);
    expect(result.body).toMatchObject({
      code: 'import_too_many_rows',
      message: 'file: an import takes at most 3000 rows',
      params: { maxRows: 3000 },
    });
    expect(await importOf(result.id)).toMatchObject({ status: 'failed', processedRows: 3_000, inserted: 0 });
    expect(await registered([sns[0]!, sns[2_999]!, sns[3_000]!])).toEqual([]);
  });

  it('refuses a row longer than 1,000 characters with 400, and registers none of the rows before it', async () => {
    const { sns, lines } = freshRows(1_500);
    const csv = [
      'sn,model,shipped_at,customer_ref',
      ...lines,
      `ZH1,VolcMiner D1,2025-03-01,${'x'.repeat(1_000)}`,
    ];
    const result = await upload(client, admin, csv.join('\n'));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      code: 'csv_row_too_long',
      message: 'file: line 1502 is longer than the 1000 characters a row may have',
      params: { line: 1502, max: 1000 },
    });
    expect(await importOf(result.id)).toMatchObject({ status: 'failed', processedRows: 1_000, inserted: 0 });
    expect(await registered([sns[0]!, sns[999]!, sns[1_499]!])).toEqual([]);
  });

  it('refuses a body that is not multipart with 415, and starts no import', async () => {
    const id = randomUUID();
    const response = await fetch(`${client.baseUrl}/api/admin/devices/imports?id=${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: 'sn,model,shipped_at\nZH10014599999,VolcMiner D1,2025-03-01\n',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      statusCode: 415,
      error: 'Unsupported Media Type',
      code: 'unsupported_media_type',
    });
    expect((await client.call('GET', `/api/admin/devices/imports/${id}`, { token: admin })).status).toBe(404);
    expect(await registered(['ZH10014599999'])).toEqual([]);
  });
});
