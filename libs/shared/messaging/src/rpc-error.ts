import { RpcException } from '@nestjs/microservices';
import { type ApiError, validationError } from '@aftersales/contracts/common';
import type { z } from 'zod';

/** Thrown by a service's handler; the caller receives `error` as it is. */
export class RpcError extends RpcException {
  constructor(error: ApiError) {
    super(error);
  }
}

/** Validates a request at the service's edge with the contract's schema; a failure is a 400 naming each field. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (!result.success) throw new RpcError(validationError(result.error));
  return result.data;
}
