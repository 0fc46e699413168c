import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { InvalidError, PreconditionRequiredError } from '@aftersales/contracts/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { openApiSchemaOf } from './openapi/zod-openapi.js';

const VERSION_TAG = /^(?:W\/)?"?(\d+)"?$/;

/**
 * The version an `If-Match` header names: `"3"` (an ETag this API gave out), `W/"3"` or `3`. A change of
 * an object that others may change too must name the version it was made on, so none is overwritten.
 */
export function expectedVersionOf(ifMatch: string | undefined, object: string): number {
  if (!ifMatch)
    throw new PreconditionRequiredError(`If-Match: send the version of the ${object} you changed`, {
      code: 'if_match_required',
    });
  const version = Number(VERSION_TAG.exec(ifMatch.trim())?.[1]);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new InvalidError('If-Match: must be a version such as "3"', { code: 'if_match_invalid' });
  }
  return version;
}

const documentIfMatch =
  (required: boolean): ParameterDecorator =>
  (target, method) =>
    ApiHeader({
      name: 'If-Match',
      required,
      description: required
        ? 'The version the change was made on, as the ETag of the object read: a newer one answers 412'
        : 'The version the change was made on, if it must apply to that version only: a newer one answers 412',
      schema: { ...openApiSchemaOf(z.string().regex(VERSION_TAG), 'input'), example: '"3"' },
    })(target, method!, Object.getOwnPropertyDescriptor(target, method!)!);

/** The version named by the request's `If-Match` (see `expectedVersionOf`), for a change of an `object`. */
export const IfMatch = createParamDecorator(
  (object: string, context: ExecutionContext) =>
    expectedVersionOf(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'], object),
  [documentIfMatch(true)],
);

/**
 * For changes that are safe on whatever version is current (a scan of a parcel): the version named by
 * `If-Match` when the caller sent one, to be refused with a 412 if the object has moved on.
 */
export const OptionalIfMatch = createParamDecorator(
  (object: string, context: ExecutionContext) => {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return header === undefined ? undefined : expectedVersionOf(header, object);
  },
  [documentIfMatch(false)],
);
