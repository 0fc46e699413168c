import type { INestApplication } from '@nestjs/common';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { apiErrorSchema } from '@aftersales/contracts/common';
import type { AccessRule } from '../access/access.decorator.js';
import { type Refusal, refusals } from './responses.js';
import { zodSchemaConverter } from './zod-openapi.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']> & { 'x-access'?: AccessRule };
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The refusals an operation's input and access rule imply: every argument is validated, every rule checked. */
function impliedRefusals(operation: Operation): Refusal[] {
  const implied: Refusal[] = [];
  if (operation.parameters?.length || operation.requestBody) implied.push(400);
  const rule = operation['x-access'];
  if (rule && !('public' in rule)) implied.push(401, 403);
  if (rule && 'owned' in rule && rule.owned) implied.push(404);
  return implied;
}

/**
 * Gives every operation the refusals (4xx) it can answer, each with the one error shape (`ApiError`,
 * generated from its schema in contracts): declared ones keep their own description. A public route says it
 * needs no credentials.
 */
export function withErrorResponses(document: OpenAPIObject, errorSchemaName: string): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of methods) {
      const operation = path[method] as Operation | undefined;
      if (!operation) continue;
      const rule = operation['x-access'];
      if (rule && 'public' in rule) operation.security = [];
      for (const status of impliedRefusals(operation)) {
        operation.responses[status] ??= { description: refusals[status] };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        const refusal = Number(status) >= 400 && Number(status) < 500;
        if (!refusal || !response || '$ref' in response) continue;
        response.content = {
          'application/json': { schema: { $ref: `#/components/schemas/${errorSchemaName}` } },
        };
      }
    }
  }
  return document;
}

/** The OpenAPI document of the gateway's routes, its schemas generated from the contracts' zod schemas. */
export function createApiDocument(
  app: INestApplication,
  config: Omit<OpenAPIObject, 'paths'>,
): OpenAPIObject {
  const converter = zodSchemaConverter();
  const document = SwaggerModule.createDocument(app, config, {
    standardSchemaConverter: converter,
    operationIdFactory: (controller, method) => `${controller.replace(/HttpController$/, '')}_${method}`,
  });
  const error = converter(apiErrorSchema, { schemaType: 'output' })!;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...error.components },
  };
  // Relative: the API is where this document was served from.
  document.servers = [{ url: '/' }];
  return withErrorResponses(document, apiErrorSchema.meta()!.id!);
}
