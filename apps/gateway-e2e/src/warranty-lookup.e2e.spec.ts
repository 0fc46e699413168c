import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { demoDevices } from '@aftersales/warranty-data-access';
import { addMonths } from '@aftersales/warranty-domain';
import { Client, demoEmail } from './client.js';
import { type RunningProduct, startDistributed, startEmbedded } from '@aftersales/shared-testing';

const [inWarranty, outOfWarranty] = demoDevices(new Date());

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('warranty lookup in the %s mode', (_, start) => {
  let product: RunningProduct;
  let token: string;

  beforeAll(async () => {
    product = await start();
    token = await new Client(product.url).signIn(demoEmail.customer);
  });

  afterAll(() => product?.stop());

  const get = (path: string) =>
    fetch(`${product.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('asks who is calling before it answers', async () => {
    const response = await fetch(`${product.url}/api/warranty/${inWarranty!.sn}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'sign_in_required',
      message: 'Sign in to continue',
    });
  });

  it('answers model and warranty end date of a machine in warranty', async () => {
    const response = await get(`/api/warranty/${inWarranty!.sn}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ...inWarranty,
      warrantyEndsOn: addMonths(inWarranty!.shippedOn, 12),
      inWarranty: true,
      basis: { policyMonths: 12, extensions: [] },
    });
  });

  it('says when a machine is out of warranty', async () => {
    const response = await get(`/api/warranty/${outOfWarranty!.sn}`);
    expect(await response.json()).toMatchObject({ ...outOfWarranty, inWarranty: false });
  });

  it('reads an SN typed in lower case with spaces', async () => {
    const typed = ` ${inWarranty!.sn.slice(0, 4).toLowerCase()} ${inWarranty!.sn.slice(4)}`;
    const response = await get(`/api/warranty/${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ sn: inWarranty!.sn });
  });

  it('answers 404 with a readable message for an SN it does not know', async () => {
    const response = await get('/api/warranty/ZH99999999999');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'device_not_found',
      message: 'No machine with SN ZH99999999999 is registered',
      params: { sn: 'ZH99999999999' },
    });
  });

  it('answers 400 naming the field for a malformed SN', async () => {
    const response = await get('/api/warranty/ZH-1');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid_input',
      message: 'sn: must be 6 to 32 letters and digits, such as ZH10014510045',
      details: [
        {
          path: 'sn',
          message: 'must be 6 to 32 letters and digits, such as ZH10014510045',
          code: 'invalid_format',
        },
      ],
    });
  });

  it('answers 404 in the error shape for an API route that does not exist', async () => {
    const response = await get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'not_found' });
  });

  it('serves the web app, also on its client-side paths', async () => {
    for (const path of ['/', '/tickets']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root"></div>');
    }
  });

  it('describes the API in OpenAPI at /api/docs', async () => {
    const response = await get('/api/docs-json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/warranty/{sn}');
  });
});
