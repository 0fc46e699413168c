import type { ApiError } from '@aftersales/contracts/common';

/** A failed API call, carrying the gateway's `{ statusCode, error, message }`. */
export class ApiRequestError extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = body as Partial<ApiError> | undefined;
    throw new ApiRequestError({
      statusCode: response.status,
      error: error?.error ?? response.statusText,
      message: error?.message ?? response.statusText,
    });
  }
  return body as T;
}
