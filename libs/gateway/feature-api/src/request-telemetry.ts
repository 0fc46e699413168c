import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  type Context,
  inContext,
  type Span,
  SpanKind,
  failSpan,
  startSpan,
  withCorrelationId,
} from '@aftersales/shared-telemetry';
import type { FastifyRequest } from 'fastify';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** What a client may name its request with: no spaces, quotes or control characters to forge a log line. */
const clientCorrelationId = /^[A-Za-z0-9_.:-]{8,100}$/;

/**
 * The request's correlation id (Fastify's request id): the one the client sent in `X-Correlation-Id`, if
 * well formed, so a caller can follow its own request through our logs; otherwise a fresh one. Every
 * command the request sends carries it, and so every event, log line and span of the work it sets off.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const sent = request.headers[CORRELATION_ID_HEADER];
  return typeof sent === 'string' && clientCorrelationId.test(sent) ? sent : randomUUID();
}

/** The API's requests; the web app's files, the health probes and the like pass untraced and unlogged. */
const isApiRequest = (request: FastifyRequest) => request.url.startsWith('/api/');

/**
 * Answers every request's correlation id in `X-Correlation-Id`, and runs each API request in a server span
 * (the root of its trace: a client's `traceparent` is not trusted at the public edge) on behalf of its
 * correlation id, so that the bus requests it makes, and every log line, carry both. One log line a
 * request says how it ended.
 */
export function traceRequests(app: NestFastifyApplication): void {
  const logger = new Logger('HTTP');
  const fastify = app.getHttpAdapter().getInstance();
  const traced = new WeakMap<FastifyRequest, { span: Span; context: Context }>();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_ID_HEADER, request.id);
    if (!isApiRequest(request)) return done();
    const route = request.routeOptions.url;
    const started = withCorrelationId(request.id, () =>
      startSpan(route ? `${request.method} ${route}` : request.method, {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, ...(route ? { 'http.route': route } : {}) },
      }),
    );
    traced.set(request, started);
    inContext(started.context, done);
  });
  // Fastify runs these hooks, and the handler after them, from the end of the body's stream, whose
  // async context is the socket's: the request's context is entered again here.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const started = traced.get(request);
    if (!started) return done();
    inContext(started.context, done);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const started = traced.get(request);
    if (!started) return;
    const status = reply.statusCode;
    started.span.setAttribute('http.response.status_code', status);
    if (status >= 500) failSpan(started.span, `HTTP ${status}`);
    started.span.end();
    inContext(started.context, () =>
      logger.log(
        `${request.method} ${request.routeOptions.url ?? request.url} ${status} ${reply.elapsedTime.toFixed(1)} ms`,
      ),
    );
  });
}
