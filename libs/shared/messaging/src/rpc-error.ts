import { RpcException } from '@nestjs/microservices';
import type { ApiError } from '@aftersales/contracts/common';

/** Thrown by a service's handler; the caller receives `error` as it is. */
export class RpcError extends RpcException {
  constructor(error: ApiError) {
    super(error);
  }
}
