import type { z } from 'zod';
import { apiError, type ApiError, type ErrorParams } from './api-error.js';

/**
 * What a client needs to tell its user about an error in their language: a stable `code` (the error's
 * kind when the case needs no words of its own) and the values the sentence names.
 */
export interface ErrorReason {
  code?: string;
  params?: ErrorParams;
  details?: unknown;
}

/**
 * The error vocabulary of every service. Domains and services throw these; `toApiError` alone decides
 * what HTTP status and JSON body each becomes, so no service picks a status code of its own.
 */
export abstract class AftersalesError extends Error {
  abstract readonly kind:
    | 'unauthenticated'
    | 'rate_limited'
    | 'not_found'
    | 'invalid'
    | 'forbidden'
    | 'conflict'
    | 'concurrency'
    | 'precondition_required'
    | 'illegal_transition';

  readonly params?: ErrorParams;
  readonly details?: unknown;
  private readonly ownCode?: string;

  constructor(message: string, { code, params, details }: ErrorReason = {}) {
    super(message);
    this.ownCode = code;
    this.params = params;
    this.details = details;
  }

  get code(): string {
    return this.ownCode ?? this.kind;
  }
}

/** The caller's credentials are missing, wrong or expired. */
export class UnauthenticatedError extends AftersalesError {
  override name = 'UnauthenticatedError';
  readonly kind = 'unauthenticated';
}

/** Too many attempts: the caller may try again after `retryAfterSeconds`. */
export class RateLimitedError extends AftersalesError {
  override name = 'RateLimitedError';
  readonly kind = 'rate_limited';

  constructor(message: string, retryAfterSeconds: number, reason: Omit<ErrorReason, 'details'> = {}) {
    super(message, {
      ...reason,
      params: { ...reason.params, retryAfterSeconds },
      details: { retryAfterSeconds },
    });
  }
}

/** The object does not exist, or the caller may not know that it does. */
export class NotFoundError extends AftersalesError {
  override name = 'NotFoundError';
  readonly kind = 'not_found';
}

/** The request is malformed or breaks a rule of the input (a field, a format, a limit). */
export class InvalidError extends AftersalesError {
  override name = 'InvalidError';
  readonly kind = 'invalid';
}

/** One field that failed: its path, the English reason, and zod's code and limits for translating it. */
export interface FieldIssue {
  path: string;
  message: string;
  code: string;
  params?: ErrorParams;
}

/** The values of a zod issue a sentence can name: the limit that was missed, the format expected. */
function issueParams(issue: z.core.$ZodIssue): ErrorParams | undefined {
  const params: ErrorParams = {};
  for (const key of ['minimum', 'maximum', 'format', 'expected', 'origin'] as const) {
    const value = (issue as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    if (typeof value === 'bigint') params[key] = Number(value);
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

/** A 400 that names every field that failed and why, in the message and in `details`. */
export function invalidInput(error: z.ZodError, prefix = ''): InvalidError {
  const details: FieldIssue[] = error.issues.map((issue) => {
    const params = issueParams(issue);
    return {
      path: [prefix, ...issue.path].filter((part) => part !== '').join('.'),
      message: issue.message,
      code: issue.code,
      ...(params ? { params } : {}),
    };
  });
  const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
  return new InvalidError(message, { code: 'invalid_input', details });
}

export class ForbiddenError extends AftersalesError {
  override name = 'ForbiddenError';
  readonly kind = 'forbidden';
}

/** The request clashes with what exists: an id already taken, a command id reused for another object. */
export class ConflictError extends AftersalesError {
  override name = 'ConflictError';
  readonly kind = 'conflict';
}

/**
 * The object changed between the caller's read and its write. A caller that named the version it read
 * (`If-Match`) gets 412 with the current version, so it can reload; anyone else gets 409.
 */
export class ConcurrencyError extends AftersalesError {
  override name = 'ConcurrencyError';
  readonly kind = 'concurrency';

  constructor(
    readonly streamId: string,
    readonly expected: number | 'no_stream' | 'any',
    readonly actual: number,
    readonly namedByCaller = false,
    /** The object as it is now, for the caller to decide again on. */
    current?: unknown,
  ) {
    super(`${streamId} was changed meanwhile (now version ${actual}); reload it and try again`, {
      params: { currentVersion: actual },
      details: { currentVersion: actual, ...(current === undefined ? {} : { current }) },
    });
  }
}

/** A change that must name the version it was made on (`If-Match`) came without one. */
export class PreconditionRequiredError extends AftersalesError {
  override name = 'PreconditionRequiredError';
  readonly kind = 'precondition_required';
}

/** The command does not apply in the object's current state (a repair order returned cannot be received). */
export class IllegalTransitionError extends AftersalesError {
  override name = 'IllegalTransitionError';
  readonly kind = 'illegal_transition';

  constructor(
    readonly state: string,
    readonly command: string,
    message: string,
  ) {
    super(message, { params: { state, command }, details: { state, command } });
  }
}

const statusOf: Record<AftersalesError['kind'], number> = {
  unauthenticated: 401,
  rate_limited: 429,
  not_found: 404,
  invalid: 400,
  forbidden: 403,
  conflict: 409,
  concurrency: 409,
  precondition_required: 428,
  illegal_transition: 409,
};

/** The one mapping from an error of ours to the JSON error shape. */
export function toApiError(error: AftersalesError): ApiError {
  const status = error instanceof ConcurrencyError && error.namedByCaller ? 412 : statusOf[error.kind];
  return apiError(status, error.message, {
    code: error.code,
    params: error.params,
    details: error.details,
  });
}
