import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The web build runs from its own files: no inline script, no other origin. Its barcode reader compiles its
 * own WebAssembly decoder, which 'wasm-unsafe-eval' allows and which grants no eval of JavaScript.
 */
const directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/**
 * Security headers on every answer, the page's and the API's. HSTS and the upgrade of insecure requests
 * go out only where the gateway is reached over HTTPS, which is when its cookies are Secure; on plain HTTP
 * they would lock a browser out of the host. Swagger UI's page (/api/docs) carries an inline stylesheet,
 * so its own page alone may apply inline styles; it runs no inline script and no WebAssembly.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, https: boolean): Promise<void> {
  const withHttps = https ? { 'upgrade-insecure-requests': [] } : { 'upgrade-insecure-requests': null };
  const docsDirectives = {
    ...directives,
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    ...withHttps,
  };
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      if (route.url.startsWith('/api/docs')) {
        Object.assign(route, {
          helmet: { contentSecurityPolicy: { useDefaults: false, directives: docsDirectives } },
        });
      }
    });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, ...withHttps } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
