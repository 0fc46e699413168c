import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { liveRefusalOf } from './live-refusal.js';

/**
 * A refused socket event is answered in its acknowledgement, `{ ok: false, code, message, params? }`,
 * where the client waits for it (Nest's default would emit an `exception` event instead).
 */
@Catch()
export class LiveExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    // A socket handler's arguments: the socket, the payload, the acknowledgement when the client asked for one.
    const ack: unknown = host.getArgByIndex(2);
    const refusal = liveRefusalOf(exception);
    if (typeof ack === 'function') (ack as (answer: unknown) => void)(refusal);
  }
}
