import type { z } from 'zod';

/** A request/reply subject of a service, with the schemas of both sides: declared once, here in contracts. */
export interface MessageContract<Request extends z.ZodType = z.ZodType, Reply extends z.ZodType = z.ZodType> {
  subject: string;
  request: Request;
  reply: Reply;
}

export function message<Request extends z.ZodType, Reply extends z.ZodType>(
  subject: string,
  request: Request,
  reply: Reply,
): MessageContract<Request, Reply> {
  return { subject, request, reply };
}

/** What a caller sends: the schema's input, before normalization. */
export type RequestOf<M extends MessageContract> = z.input<M['request']>;
/** What the receiver handles: the schema's output. */
export type ParsedRequestOf<M extends MessageContract> = z.output<M['request']>;
export type ReplyOf<M extends MessageContract> = z.output<M['reply']>;

/**
 * An integration event a service publishes on its stream, `aftersales.<service>.<type>`. The version
 * grows when the data's shape changes incompatibly; consumers validate what they receive with `data`.
 */
export interface EventContract<Type extends string = string, Data extends z.ZodType = z.ZodType> {
  service: string;
  type: Type;
  version: number;
  data: Data;
}

export function event<Type extends string, Data extends z.ZodType>(
  service: string,
  type: Type,
  version: number,
  data: Data,
): EventContract<Type, Data> {
  return { service, type, version, data };
}

export type EventDataOf<E extends EventContract> = z.output<E['data']>;
