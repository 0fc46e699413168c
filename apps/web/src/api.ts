import type { ApiError } from '@aftersales/contracts/common';

/** A failed API call, carrying the gateway's `{ statusCode, error, message, details? }`. */
export class ApiRequestError extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  accessToken?: string;
}

export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
  });
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body as Partial<ApiError> | undefined;
    throw new ApiRequestError({
      statusCode: response.status,
      error: error?.error ?? response.statusText,
      message: error?.message ?? response.statusText,
      ...(error?.details === undefined ? {} : { details: error.details }),
    });
  }
  return body as T;
}
