import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiExceptionFilter } from './api-exception.filter.js';
import { createApiDocument } from './openapi/api-document.js';
import type { RateLimitStoreClass } from './rate-limits/nats-kv-rate-limit-store.js';
import { type RateLimits, registerRateLimits } from './rate-limits/rate-limits.js';
import { recordRequestMetrics } from './request-metrics.js';
import { traceRequests } from './request-telemetry.js';
import { registerSecurityHeaders } from './security-headers.js';

/** The largest JSON (or form) body a request may carry; past it the answer is 413. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * HTTP concerns shared by both modes: the error shape, correlation ids, traces and request logs, security
 * headers, rate limits, cookies, OpenAPI at /api/docs, and the web build at /. Without a web build (a gateway started before `npm run build`) the API
 * still runs.
 */
export async function configureGateway(
  app: NestFastifyApplication,
  options: { webRoot: string; https: boolean; rateLimits: RateLimits; rateLimitStore?: RateLimitStoreClass },
): Promise<void> {
  const indexPath = join(options.webRoot, 'index.html');
  const hasWeb = existsSync(indexPath);
  app.useGlobalFilters(new ApiExceptionFilter(hasWeb ? readFileSync(indexPath, 'utf8') : undefined));
  // First: a request the rate limits refuse is traced and logged too.
  traceRequests(app);
  recordRequestMetrics(app);
  await registerSecurityHeaders(app, options.https);
  await registerRateLimits(app, options.rateLimits, options.rateLimitStore);
  await app.register(fastifyCookie);
  // The device import checks its own, larger limit as the file streams in.
  await app.register(fastifyMultipart, { limits: { files: 1 } });
  if (hasWeb) app.useStaticAssets({ root: options.webRoot, prefix: '/', wildcard: false });
  const openApi = new DocumentBuilder()
    .setTitle('aftersales API')
    .setDescription(
      'Warranty lookup, support chat and mail-in repair. A JSON body may carry at most 256 KB (413 past ' +
        'it). The routes that cost real work answer 429 with `Retry-After` past their rate limit. Every ' +
        'answer names its request in `X-Correlation-Id`, under which our logs and traces keep what the ' +
        'request set off; a client may name its request itself with that header (8 to 100 letters, digits, ' +
        '`_`, `.`, `:` or `-`).',
    )
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .build();
  SwaggerModule.setup('api/docs', app, () => createApiDocument(app, openApi));
}
