import { createHash, randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type CommandMetadata, InvalidError } from '@aftersales/contracts/common';
import { ownMetadata } from '@aftersales/shared-messaging';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedRequest } from './access/access.decorator.js';
import { openApiSchemaOf } from './openapi/zod-openapi.js';

const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/);

/**
 * The metadata of what a request asks the services to do. A client that may retry names the command with
 * an `Idempotency-Key` header, so the retry takes effect once; otherwise each request is a new command.
 */
export function commandMetadataOf(request: FastifyRequest & AuthenticatedRequest): CommandMetadata {
  const key = request.headers['idempotency-key'];
  if (key !== undefined && !idempotencyKeySchema.safeParse(key).success) {
    throw new InvalidError('Idempotency-Key: must be 8 to 100 letters, digits, - or _ (a UUID will do)', {
      code: 'idempotency_key_invalid',
    });
  }
  const { principal } = request;
  const actor = !principal
    ? 'anonymous'
    : principal.kind === 'user'
      ? `user:${principal.userId}`
      : `api-key:${principal.apiKeyId}`;
  // A key names a command only within its caller's own commands: another caller's key never replays it.
  const commandId =
    key === undefined ? randomUUID() : createHash('sha256').update(`${actor}\n${key}`).digest('hex');
  // The request's id is its correlation id (`correlationIdOf`).
  const correlationId = request.id;
  return { actor, commandId, correlationId, causationId: correlationId, now: new Date().toISOString() };
}

/**
 * What the gateway asks on its own behalf, such as checking a caller's credentials: within a request, on
 * behalf of its correlation id.
 */
export const gatewayMetadata = (): CommandMetadata => ownMetadata('gateway');

/** Every route that reads the metadata takes the header, so its OpenAPI operation says so. */
const documentIdempotencyKey: ParameterDecorator = (target, method) =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Names the command, so that a retried request takes effect once (a UUID will do)',
    schema: openApiSchemaOf(idempotencyKeySchema, 'input'),
  })(target, method!, Object.getOwnPropertyDescriptor(target, method!)!);

/** The command metadata of the current request, after the access guard has named the caller. */
export const Metadata = createParamDecorator(
  (_: unknown, context: ExecutionContext) =>
    commandMetadataOf(context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>()),
  [documentIdempotencyKey],
);
