import { Logger, SetMetadata } from '@nestjs/common';
import { type BaseRpcContext, Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import {
  AftersalesError,
  type CommandMetadata,
  commandMetadataSchema,
  invalidInput,
  type MessageContract,
  metadataFromHeaders,
  type ParsedRequestOf,
  type ReplyOf,
  toApiError,
} from '@aftersales/contracts/common';
import { metrics } from '@aftersales/shared-metrics';
import { inSpan, SpanKind, withCorrelationId } from '@aftersales/shared-telemetry';
import { RpcError } from './rpc-error.js';
import { ServiceError } from './service-client.js';

/** Headers as both transports hand them over: nats.js `MsgHdrs`, or the in-process transport's map. */
interface Headers {
  get(name: string): string | undefined;
}

/**
 * Marks the methods `@Answers` makes bus handlers, with the subject they answer. Where services share a Nest
 * application with the gateway (the embedded mode), its access guard lets a bus message reach these alone.
 */
export const BUS_HANDLER = 'aftersales:bus-handler';

type Handler<M extends MessageContract> = (
  request: ParsedRequestOf<M>,
  metadata: CommandMetadata,
) => ReplyOf<M> | Promise<ReplyOf<M>>;

/** How a request ended: answered, refused with an error of ours (a 4xx), or failed. */
type Outcome = 'ok' | 'refused' | 'error';

function outcomeOf(error: unknown): Outcome {
  if (error instanceof AftersalesError) return 'refused';
  // Another service's refusal (an unknown SN, say) is the caller's answer too, in that service's words.
  if (error instanceof ServiceError) return error.error.statusCode < 500 ? 'refused' : 'error';
  return 'error';
}

const logger = new Logger('Answers');

/** Times an answer and counts its outcome, and says both in a debug line of the request's. */
async function measured<T>(subject: string, answer: () => Promise<T>): Promise<T> {
  const done = metrics.busHandlers.startTimer({ subject });
  let outcome: Outcome = 'error';
  try {
    const reply = await answer();
    outcome = 'ok';
    return reply;
  } catch (error) {
    outcome = outcomeOf(error);
    throw error;
  } finally {
    const seconds = done({ outcome });
    logger.debug(`${subject}: ${outcome} in ${(seconds * 1000).toFixed(1)} ms`);
  }
}

/**
 * Makes a controller method answer a contract's subject. The payload is validated with the contract's
 * request schema (a 400 naming each field), the metadata is read from the headers, and an error of ours
 * becomes the JSON error shape through the one mapping (one another service answered passes on as it
 * came), so handlers only handle. The handler runs in a span that continues the caller's trace, on behalf
 * of the request's correlation id, which every log line it writes carries.
 */
export function Answers<M extends MessageContract>(contract: M) {
  return <H extends Handler<M>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => {
    const handle = descriptor.value!;
    descriptor.value = async function (this: unknown, payload: unknown, context: BaseRpcContext) {
      const headers = context.getArgByIndex(1) as Headers | undefined;
      const metadata = commandMetadataSchema.safeParse(
        metadataFromHeaders((name) => headers?.get(name) || undefined),
      );
      const answer = async () => {
        const request = contract.request.safeParse(payload);
        if (!request.success) throw invalidInput(request.error);
        if (!metadata.success) throw invalidInput(metadata.error, 'metadata');
        return handle.call(this, request.data as ParsedRequestOf<M>, metadata.data);
      };
      const run = () =>
        inSpan(
          contract.subject,
          {
            kind: SpanKind.SERVER,
            parent: { traceparent: headers?.get('traceparent'), tracestate: headers?.get('tracestate') },
            failed: (error) => outcomeOf(error) === 'error',
          },
          () => measured(contract.subject, answer),
        );
      try {
        return await (metadata.success ? withCorrelationId(metadata.data.correlationId, run) : run());
      } catch (error) {
        if (error instanceof AftersalesError) throw new RpcError(toApiError(error));
        if (error instanceof ServiceError) throw new RpcError(error.error);
        throw error;
      }
    } as unknown as H;
    MessagePattern(contract.subject)(target, key, descriptor);
    SetMetadata(BUS_HANDLER, contract.subject)(target, key, descriptor);
    // Without parameter decorators Nest hands a handler the payload alone; the headers are in the context.
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}
