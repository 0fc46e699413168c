import { RpcException } from '@nestjs/microservices';
import type { ApiError } from '@aftersales/contracts/common';

/** What a service's handler throws to answer with an error; the caller receives `error` as it is. */
export class RpcError extends RpcException {
  constructor(error: ApiError) {
    super(error);
  }
}
