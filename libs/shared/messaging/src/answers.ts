import { SetMetadata } from '@nestjs/common';
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

/**
 * Makes a controller method answer a contract's subject. The payload is validated with the contract's
 * request schema (a 400 naming each field), the metadata is read from the headers, and an error of ours
 * becomes the JSON error shape through the one mapping (one another service answered passes on as it
 * came), so handlers only handle.
 */
export function Answers<M extends MessageContract>(contract: M) {
  return <H extends Handler<M>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => {
    const handle = descriptor.value!;
    descriptor.value = async function (this: unknown, payload: unknown, context: BaseRpcContext) {
      const done = metrics.busHandlers.startTimer({ subject: contract.subject });
      let outcome = 'error';
      try {
        const request = contract.request.safeParse(payload);
        if (!request.success) throw invalidInput(request.error);
        const headers = context.getArgByIndex(1) as Headers | undefined;
        const metadata = commandMetadataSchema.safeParse(
          metadataFromHeaders((name) => headers?.get(name) || undefined),
        );
        if (!metadata.success) throw invalidInput(metadata.error, 'metadata');
        const reply = await handle.call(this, request.data as ParsedRequestOf<M>, metadata.data);
        outcome = 'ok';
        return reply;
      } catch (error) {
        if (error instanceof AftersalesError) {
          outcome = 'refused';
          throw new RpcError(toApiError(error));
        }
        // Another service's refusal (an unknown SN, say) is the caller's answer too, in that service's words.
        if (error instanceof ServiceError) {
          outcome = error.error.statusCode < 500 ? 'refused' : 'error';
          throw new RpcError(error.error);
        }
        throw error;
      } finally {
        done({ outcome });
      }
    } as unknown as H;
    MessagePattern(contract.subject)(target, key, descriptor);
    SetMetadata(BUS_HANDLER, contract.subject)(target, key, descriptor);
    // Without parameter decorators Nest hands a handler the payload alone; the headers are in the context.
    Payload()(target, key, 0);
    Ctx()(target, key, 1);
  };
}
