import { Logger } from '@nestjs/common';
import { apiError } from '@aftersales/contracts/common';
import type { LiveRefusal } from '@aftersales/contracts/consultation';
import { errorShapeOf } from '../api-exception.filter.js';

const logger = new Logger('LiveRefusal');

/** What a socket is told of a refused event or handshake: the code and params HTTP would answer. */
export function liveRefusalOf(exception: unknown): LiveRefusal {
  let error = errorShapeOf(exception);
  if (!error) {
    logger.error(exception);
    error = apiError(500, 'Something went wrong on our side; please try again');
  }
  return {
    ok: false,
    code: error.code,
    message: error.message,
    ...(error.params ? { params: error.params } : {}),
  };
}
