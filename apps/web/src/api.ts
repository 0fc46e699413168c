import type { ApiError } from '@aftersales/contracts/common';

/** A failed API call, carrying the gateway's `{ statusCode, error, code, message, params?, details? }`. */
export class ApiRequestError extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  accessToken?: string;
  /** The version the change was made on (an ETag); the server refuses it when the resource moved on. */
  ifMatch?: string;
  /** Names the command, so that a retry after a lost answer takes effect once. */
  idempotencyKey?: string;
}

/** The fetch options of a JSON call. */
export function jsonInit(options: RequestOptions = {}): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  return {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  };
}

/** The error a failed response carries, or one made of its status line when it carries none. */
export async function failureOf(response: Response): Promise<ApiRequestError> {
  const error = (await response.json().catch(() => undefined)) as Partial<ApiError> | undefined;
  return new ApiRequestError({
    statusCode: response.status,
    error: error?.error ?? response.statusText,
    code: error?.code ?? `http_${response.status}`,
    message: error?.message ?? response.statusText,
    ...(error?.params === undefined ? {} : { params: error.params }),
    ...(error?.details === undefined ? {} : { details: error.details }),
  });
}

/** The reply's JSON body; a failed reply is thrown as an ApiRequestError. */
export async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) throw await failureOf(response);
  return (response.status === 204 ? undefined : await response.json().catch(() => undefined)) as T;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await fetch(path, jsonInit(options)));
}
