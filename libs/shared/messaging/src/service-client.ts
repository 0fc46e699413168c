import { Inject, Injectable } from '@nestjs/common';
import { ClientProxy, NatsRecord } from '@nestjs/microservices';
import {
  apiError,
  type ApiError,
  type CommandMetadata,
  isApiError,
  type MessageContract,
  metadataHeaders,
  type ReplyOf,
  type RequestOf,
} from '@aftersales/contracts/common';
import { inSpan, SpanKind, traceCarrier } from '@aftersales/shared-telemetry';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';

export const BUS_CLIENT = Symbol('BusClient');

/** How long a caller waits for another service before telling the user it is unavailable. */
export const REPLY_TIMEOUT_MS = 5_000;

/** No service took the request: NATS had no responder, or the in-process broker no handler. */
function isNoResponder(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /no responders|No service answers|No handler for/i.test(text);
}

/** A reply that carries an error; `error` is the shape every caller can show. */
export class ServiceError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** The request failed for want of an answer, or on a bug: not a refusal the service answered with. */
function isOutage(error: unknown): boolean {
  return !(error instanceof ServiceError) || error.error.statusCode >= 500;
}

/**
 * Request/reply to other services over whichever transport the composition root chose, typed by the
 * contract; the metadata travels in headers, beside the payload, and so does the trace context of the
 * request's span, which the answering service's span continues.
 */
@Injectable()
export class ServiceClient {
  constructor(@Inject(BUS_CLIENT) private readonly client: ClientProxy) {}

  async request<M extends MessageContract>(
    contract: M,
    payload: RequestOf<M>,
    metadata: CommandMetadata,
  ): Promise<ReplyOf<M>> {
    return inSpan(contract.subject, { kind: SpanKind.CLIENT, failed: isOutage }, () =>
      this.send(contract, payload, metadata),
    );
  }

  private async send<M extends MessageContract>(
    contract: M,
    payload: RequestOf<M>,
    metadata: CommandMetadata,
  ): Promise<ReplyOf<M>> {
    const service = contract.subject.split('.')[1] ?? contract.subject;
    const record = new NatsRecord(payload, { ...metadataHeaders(metadata), ...traceCarrier() });
    try {
      return await firstValueFrom(
        this.client.send<ReplyOf<M>>(contract.subject, record).pipe(timeout(REPLY_TIMEOUT_MS)),
      );
    } catch (error) {
      if (isApiError(error)) throw new ServiceError(error);
      if (error instanceof TimeoutError) {
        throw new ServiceError(
          apiError(503, `The ${service} service did not answer in time`, { params: { service } }),
        );
      }
      if (isNoResponder(error))
        throw new ServiceError(
          apiError(503, `The ${service} service is unavailable`, { params: { service } }),
        );
      // The service answered with an error of its own making: a bug there, not an outage.
      throw new ServiceError(apiError(500, 'Something went wrong on our side; please try again'));
    }
  }
}
