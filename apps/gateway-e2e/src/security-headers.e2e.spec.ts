import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { networkInterfaces } from 'node:os';
import { type RunningProduct, startApp, startDistributed, startEmbedded } from '@aftersales/shared-testing';
import { Client, demoEmail } from './client.js';

/**
 * The policy the web build is served under, written out: its own scripts only (and the barcode reader's
 * WebAssembly compiled), never in a frame.
 */
const csp = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src-attr 'none'",
  "style-src 'self'",
].join(';');

describe.each([
  ['embedded', startEmbedded],
  ['distributed', startDistributed],
])('security headers and body limits in the %s mode', (_, start) => {
  let product: RunningProduct;
  let client: Client;

  beforeAll(async () => {
    product = await start();
    client = new Client(product.url);
  });

  afterAll(() => product?.stop());

  it.each(['/', '/api/me'])('sends the security headers on %s, and no HSTS over plain HTTP', async (path) => {
    const response = await fetch(`${product.url}${path}`);
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends them on a signed-in API answer and on an error too', async () => {
    const token = await client.signIn(demoEmail.customer);
    const me = await fetch(`${product.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(me.headers.get('content-security-policy')).toBe(csp);
    const unknown = await fetch(`${product.url}/api/warranty/ZH-1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the web build with no inline script for the policy to block', async () => {
    const html = await (await fetch(`${product.url}/`)).text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('lets only the API docs page apply inline styles, and still runs no inline script there', async () => {
    const docs = await fetch(`${product.url}/api/docs`);
    expect(docs.status).toBe(200);
    const policy = docs.headers.get('content-security-policy');
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self';");
    expect(await docs.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('refuses a JSON body over 256 KB with 413 in the error shape', async () => {
    const token = await client.signIn(demoEmail.customer);
    const sns = Array.from({ length: 500 }, (_, i) => `ZH${String(i).padStart(11, '0')}`.padEnd(600, '0'));
    const response = await fetch(`${product.url}/api/warranty/lookups`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sns }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'too_large',
      message: 'Request body is too large',
    });
  });
});

describe('a gateway reached over HTTPS', () => {
  let product: RunningProduct;

  beforeAll(async () => {
    product = await startEmbedded({ env: { COOKIE_SECURE: 'true' } });
  });

  afterAll(() => product?.stop());

  it('tells browsers to keep to HTTPS and to upgrade what the page asks over HTTP', async () => {
    const response = await fetch(`${product.url}/api/me`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toBe(`${csp};upgrade-insecure-requests`);
  });
});

/** An address of this machine that is not loopback, to reach it as another machine on the network would. */
function externalAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
  if (!address) throw new Error('This test needs a network interface besides loopback');
  return address;
}

describe('where the embedded mode listens', () => {
  const start = (env: Record<string, string> = {}) =>
    startApp('embedded', { PORT: '0', DATA_DIR: 'memory://', AUTH_SECRET: 'x'.repeat(32), ...env });

  it('listens on 127.0.0.1 only, and says why: its demo accounts have a published password', async () => {
    const app = await start();
    try {
      expect(app.output()).toMatch(
        /Listening on 127\.0\.0\.1:\d+: this machine only, as the demo accounts have a published password; set HOST=0\.0\.0\.0 to open it/,
      );
      const url = new URL(app.url!);
      expect(url.hostname).toBe('127.0.0.1');
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      await expect(fetch(`http://${externalAddress()}:${url.port}/health/live`)).rejects.toThrow();
    } finally {
      await app.stop();
    }
  });

  it('listens where HOST says', async () => {
    const app = await start({ HOST: '0.0.0.0' });
    try {
      expect(app.output()).toMatch(/Listening on 0\.0\.0\.0:\d+: as HOST says/);
      const { port } = new URL(app.url!);
      expect((await fetch(`http://${externalAddress()}:${port}/health/live`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
