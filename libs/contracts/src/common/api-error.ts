import { z } from 'zod';

/** Values a translated message needs besides its code: an SN, a number of minutes, a list of roles. */
const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

/**
 * The one error shape of the HTTP API and of every reply between services. `message` is English for
 * developers and logs; `code` is stable and, with `params`, is what a client translates for its user.
 * OpenAPI documents every refusal with this schema.
 */
export const apiErrorSchema = z
  .object({
    statusCode: z.number().int().min(400).max(599),
    error: z.string().meta({ description: "The status's reason phrase, such as Not Found" }),
    code: z.string().meta({ description: 'Stable: what a client translates for its user' }),
    message: z.string().meta({ description: 'English, for developers and logs' }),
    params: errorParamsSchema.optional().meta({ description: 'The values the translated message names' }),
    details: z.unknown().optional(),
  })
  .meta({
    id: 'ApiError',
    description: 'Every error the API answers',
    examples: [
      { statusCode: 404, error: 'Not Found', code: 'not_found', message: 'No repair order ZH0090Gd' },
    ],
  });
export type ApiError = z.infer<typeof apiErrorSchema>;

const reasons: Record<number, { phrase: string; code: string }> = {
  400: { phrase: 'Bad Request', code: 'invalid' },
  401: { phrase: 'Unauthorized', code: 'unauthenticated' },
  403: { phrase: 'Forbidden', code: 'forbidden' },
  404: { phrase: 'Not Found', code: 'not_found' },
  409: { phrase: 'Conflict', code: 'conflict' },
  412: { phrase: 'Precondition Failed', code: 'concurrency' },
  413: { phrase: 'Payload Too Large', code: 'too_large' },
  415: { phrase: 'Unsupported Media Type', code: 'unsupported_media_type' },
  428: { phrase: 'Precondition Required', code: 'precondition_required' },
  429: { phrase: 'Too Many Requests', code: 'rate_limited' },
  500: { phrase: 'Internal Server Error', code: 'internal' },
  503: { phrase: 'Service Unavailable', code: 'unavailable' },
};

/** An error of the given status; without a code of its own it takes the status's general one. */
export function apiError(
  statusCode: number,
  message: string,
  { code, params, details }: { code?: string; params?: ErrorParams; details?: unknown } = {},
): ApiError {
  const reason = reasons[statusCode];
  return {
    statusCode,
    error: reason?.phrase ?? 'Error',
    code: code ?? reason?.code ?? (statusCode >= 500 ? 'internal' : 'invalid'),
    message,
    ...(params === undefined ? {} : { params }),
    ...(details === undefined ? {} : { details }),
  };
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).statusCode === 'number' &&
    typeof (value as ApiError).message === 'string'
  );
}
