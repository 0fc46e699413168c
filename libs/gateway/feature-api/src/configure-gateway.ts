import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiExceptionFilter } from './api-exception.filter.js';

/**
 * HTTP concerns shared by both modes: the error shape, cookies, OpenAPI at /api/docs, and the web build at /.
 * Without a web build (a gateway started before `npm run build`) the API still runs.
 */
export async function configureGateway(app: NestFastifyApplication, webRoot: string): Promise<void> {
  const indexPath = join(webRoot, 'index.html');
  const hasWeb = existsSync(indexPath);
  app.useGlobalFilters(new ApiExceptionFilter(hasWeb ? readFileSync(indexPath, 'utf8') : undefined));
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 64 * 1024 * 1024, files: 1 } });
  if (hasWeb) app.useStaticAssets({ root: webRoot, prefix: '/', wildcard: false });
  const openApi = new DocumentBuilder()
    .setTitle('aftersales API')
    .setDescription('Warranty lookup, support chat and mail-in repair')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
