import { STATUS_CODES } from 'node:http';
import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';

/**
 * The status and body of a route's success: Nest answers with this status and OpenAPI documents both, so
 * the two cannot differ. The schema is the reply a service's contract declares, or what the route makes of it;
 * `headers` names the response headers a client reads, each with what it says.
 */
export function Reply(status: 200 | 201 | 204, schema?: z.ZodType, headers: Record<string, string> = {}) {
  const documented = Object.entries(headers).map(([name, description]) => [
    name,
    { description, schema: { type: 'string' } },
  ]);
  return applyDecorators(
    HttpCode(status),
    ApiResponse({
      status,
      description: STATUS_CODES[status]!,
      ...(schema ? { standardSchema: schema } : {}),
      ...(documented.length > 0 ? { headers: Object.fromEntries(documented) } : {}),
    }),
  );
}

/** The refusals of the API, each with the error shape as its body (see `withErrorResponses`). */
export const refusals = {
  400: 'The input is invalid: `message` and `details` name each field and what is wrong with it',
  401: 'No valid credentials: sign in, or send an API key',
  403: 'The caller may not call this route',
  404: 'There is no such object, or it is not the caller’s',
  409: 'The request clashes with what exists, or with the state the object is in',
  412: 'The object changed since the version named in `If-Match`; `details.currentVersion` says which it is',
  413: 'The body or the file is too large',
  415: 'The body is not of a type this route takes',
  428: 'The change must name the version it was made on, in `If-Match`',
  429: 'Too many requests: try again after `Retry-After` seconds',
} as const;

export type Refusal = keyof typeof refusals;

/**
 * The refusals a route answers beyond the ones its input and its access rule imply (a 400 for bad input;
 * a 401 and a 403 for a rule that names roles; a 404 for an object of one account).
 */
export function Refuses(...statuses: Refusal[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: refusals[status] })));
}
