import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import type { ApiError } from './api-error.js';
import {
  type AftersalesError,
  ConcurrencyError,
  ConflictError,
  ForbiddenError,
  IllegalTransitionError,
  InvalidError,
  invalidInput,
  NotFoundError,
  PreconditionRequiredError,
  RateLimitedError,
  toApiError,
  UnauthenticatedError,
} from './errors.js';

/**
 * The reviewed table: what each error of ours answers over HTTP, written out rather than derived. The message
 * passes through as the error has it; the code is the error's own or its kind's; params and details are kept.
 */
const table: [string, AftersalesError, Omit<ApiError, 'message'>][] = [
  [
    'unauthenticated',
    new UnauthenticatedError('Sign in to continue'),
    { statusCode: 401, error: 'Unauthorized', code: 'unauthenticated' },
  ],
  [
    'unauthenticated, with a code of its own',
    new UnauthenticatedError('The email or password is wrong', { code: 'wrong_credentials' }),
    { statusCode: 401, error: 'Unauthorized', code: 'wrong_credentials' },
  ],
  [
    'rate limited, with when to retry',
    new RateLimitedError('Too many failed sign-ins', 840, { code: 'sign_in_throttled' }),
    {
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'sign_in_throttled',
      params: { retryAfterSeconds: 840 },
      details: { retryAfterSeconds: 840 },
    },
  ],
  [
    'not found, with what was looked for',
    new NotFoundError('No machine with SN ZH1 is registered', {
      code: 'device_not_found',
      params: { sn: 'ZH1' },
    }),
    { statusCode: 404, error: 'Not Found', code: 'device_not_found', params: { sn: 'ZH1' } },
  ],
  [
    'invalid, with the fields it names',
    new InvalidError('email: is required', { details: [{ path: 'email', message: 'is required' }] }),
    {
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid',
      details: [{ path: 'email', message: 'is required' }],
    },
  ],
  [
    'forbidden',
    new ForbiddenError('API keys may not call this route'),
    { statusCode: 403, error: 'Forbidden', code: 'forbidden' },
  ],
  [
    'conflict',
    new ConflictError('The email is taken', { code: 'email_taken', params: { email: 'a@b.co' } }),
    { statusCode: 409, error: 'Conflict', code: 'email_taken', params: { email: 'a@b.co' } },
  ],
  [
    'concurrency, when the caller named no version',
    new ConcurrencyError('repair-point-rp-1', 3, 4),
    {
      statusCode: 409,
      error: 'Conflict',
      code: 'concurrency',
      params: { currentVersion: 4 },
      details: { currentVersion: 4 },
    },
  ],
  [
    'concurrency, when the caller named the version it read (If-Match)',
    new ConcurrencyError('repair-point-rp-1', 3, 4, true),
    {
      statusCode: 412,
      error: 'Precondition Failed',
      code: 'concurrency',
      params: { currentVersion: 4 },
      details: { currentVersion: 4 },
    },
  ],
  [
    'precondition required (a change without If-Match)',
    new PreconditionRequiredError('If-Match: send the version of the repair point you changed'),
    { statusCode: 428, error: 'Precondition Required', code: 'precondition_required' },
  ],
  [
    'illegal transition',
    new IllegalTransitionError('returned', 'ReceiveDevice', 'A returned repair order cannot be received'),
    {
      statusCode: 409,
      error: 'Conflict',
      code: 'illegal_transition',
      params: { state: 'returned', command: 'ReceiveDevice' },
      details: { state: 'returned', command: 'ReceiveDevice' },
    },
  ],
];

describe('the one mapping of our errors to the JSON error shape', () => {
  it.each(table)('answers %s as reviewed', (_, error, expected) => {
    expect(toApiError(error)).toStrictEqual({ ...expected, message: error.message });
  });
});

describe('a 400 made from a failed schema', () => {
  it('names each field with its zod code and the limit it missed, for a client to translate', () => {
    const schema = z.strictObject({ password: z.string().min(10), email: z.email() });
    const parsed = schema.safeParse({ password: 'short', email: 'nope' });
    if (parsed.success) throw new Error('the input should have failed');
    const error = toApiError(invalidInput(parsed.error));
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'invalid_input',
      details: [
        { path: 'password', code: 'too_small', params: { minimum: 10, origin: 'string' } },
        { path: 'email', code: 'invalid_format', params: { format: 'email' } },
      ],
    });
  });
});
