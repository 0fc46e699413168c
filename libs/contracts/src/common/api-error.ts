/** The one error shape of the HTTP API and of every reply between services. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function apiError(statusCode: number, message: string, details?: unknown): ApiError {
  return {
    statusCode,
    error: reasonPhrases[statusCode] ?? 'Error',
    message,
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
