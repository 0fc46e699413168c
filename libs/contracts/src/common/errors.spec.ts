import { describe, expect, it } from '@jest/globals';
import type { ApiError } from './api-error.js';
import {
  type AftersalesError,
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  IllegalTransitionError,
  InvalidError,
  NotFoundError,
  PreconditionRequiredError,
  RateLimitedError,
  toApiError,
  UnauthenticatedError,
} from './errors.js';

/**
 * The reviewed table: what each error of ours answers over HTTP, written out rather than derived. The message
 * passes through as the error has it; the details are kept as they are.
 */
const table: [string, AftersalesError, number, string, unknown][] = [
  ['unauthenticated', new UnauthenticatedError('Sign in to continue'), 401, 'Unauthorized', undefined],
  [
    'rate limited, with when to retry',
    new RateLimitedError('Too many failed sign-ins', 840),
    429,
    'Too Many Requests',
    { retryAfterSeconds: 840 },
  ],
  ['not found', new NotFoundError('No API key k-1'), 404, 'Not Found', undefined],
  [
    'invalid, with the fields it names',
    new InvalidError('email: is required', [{ path: 'email', message: 'is required' }]),
    400,
    'Bad Request',
    [{ path: 'email', message: 'is required' }],
  ],
  ['forbidden', new ForbiddenError('API keys may not call this route'), 403, 'Forbidden', undefined],
  [
    'conflict',
    new ConflictError('The email is taken', { email: 'a@b.co' }),
    409,
    'Conflict',
    { email: 'a@b.co' },
  ],
  [
    'concurrency, when the caller named no version',
    new ConcurrencyError('repair-point-rp-1', 3, 4),
    409,
    'Conflict',
    { currentVersion: 4 },
  ],
  [
    'concurrency, when the caller named the version it read (If-Match)',
    new ConcurrencyError('repair-point-rp-1', 3, 4, true),
    412,
    'Precondition Failed',
    { currentVersion: 4 },
  ],
  [
    'precondition required (a change without If-Match)',
    new PreconditionRequiredError('If-Match: send the version of the repair point you changed'),
    428,
    'Precondition Required',
    undefined,
  ],
  [
    'illegal transition',
    new IllegalTransitionError('returned', 'ReceiveDevice', 'A returned repair order cannot be received'),
    409,
    'Conflict',
    { state: 'returned', command: 'ReceiveDevice' },
  ],
];

describe('the one mapping of our errors to the JSON error shape', () => {
  it.each(table)('answers %s as reviewed', (_, error, statusCode, reason, details) => {
    const expected: ApiError = {
      statusCode,
      error: reason,
      message: error.message,
      ...(details === undefined ? {} : { details }),
    };
    expect(toApiError(error)).toStrictEqual(expected);
  });
});
