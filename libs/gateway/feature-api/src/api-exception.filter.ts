import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import {
  AftersalesError,
  apiError,
  type ApiError,
  isApiError,
  toApiError,
} from '@aftersales/contracts/common';
import { ServiceError } from '@aftersales/shared-messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The JSON error shape of an error of ours, another service's or Nest's; undefined for anything else. */
export function errorShapeOf(exception: unknown): ApiError | undefined {
  if (exception instanceof ServiceError) return exception.error;
  if (exception instanceof AftersalesError) return toApiError(exception);
  if (exception instanceof HttpException) {
    // Nest's own exceptions (a route that does not exist) carry its shape, which has no code.
    const body = exception.getResponse();
    if (isApiError(body) && body.code) return body;
    return apiError(exception.getStatus(), isApiError(body) ? body.message : exception.message);
  }
  return undefined;
}

/**
 * Every error leaves the gateway as `{ statusCode, error, message, details? }`. Paths outside the API
 * that match no route belong to the single-page app, which answers them with its index page.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  constructor(private readonly spaIndexHtml?: string) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = errorShapeOf(exception);
    if (error?.statusCode === 404 && this.isPageRequest(request)) {
      void reply.status(200).type('text/html; charset=utf-8').send(this.spaIndexHtml);
      return;
    }
    if (!error) this.logger.error(exception);
    const body = error ?? apiError(500, 'Something went wrong on our side; please try again');
    const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retryAfter) void reply.header('retry-after', String(retryAfter));
    // The route may have set another content type (a CSV download, say) before it failed.
    void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
  }

  private isPageRequest(request: FastifyRequest): boolean {
    const path = request.url.split('?')[0] ?? '';
    return (
      this.spaIndexHtml !== undefined &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/health/')
    );
  }
}
