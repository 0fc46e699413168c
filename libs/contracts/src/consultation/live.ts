import { z } from 'zod';
import { chatMessageSchema, consultationSchema } from './messages.js';
import { authorSchema, consultationIdSchema } from './schemas.js';

/**
 * The socket.io protocol of the live chat, namespace `/live` on the gateway. A socket authenticates with
 * the HTTP session's access token (`auth: { token }` in the handshake) and sees only what that user may
 * read over HTTP; without a valid session the connection is refused (`connect_error`, its `data` the
 * refusal's `{ code, message }`), and a session that ends disconnects it. Messages are sent over HTTP
 * (`POST /api/consultations/{id}/messages`, idempotent by `messageId`); the socket brings what happens to
 * the consultations it joined. Each `message` comes once and in `seq` order.
 */
export const LIVE_NAMESPACE = '/live';

/** What a client emits, each with an acknowledgement. */
export const liveClientEvents = {
  /**
   * Follow a consultation: the ack carries every message after `afterSeq`, in order (the catch-up after a
   * reconnect); from then on the socket receives `message`, `consultation`, `typing` and `read` for it.
   */
  join: z.strictObject({ consultationId: consultationIdSchema, afterSeq: z.number().int().nonnegative() }),
  leave: z.strictObject({ consultationId: consultationIdSchema }),
  /** Agents only: follow the queue, every consultation's `consultation` updates. */
  watchQueue: z.strictObject({}),
  typing: z.strictObject({ consultationId: consultationIdSchema }),
};

/** A refused event's acknowledgement: the error's code and params, as HTTP answers them. */
const liveRefusalSchema = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type LiveRefusal = z.infer<typeof liveRefusalSchema>;

export const joinAckSchema = z.union([
  z.object({ ok: z.literal(true), consultation: consultationSchema, missed: z.array(chatMessageSchema) }),
  liveRefusalSchema,
]);
export type JoinAck = z.infer<typeof joinAckSchema>;

/** The acknowledgement of `leave`, `watchQueue` and `typing`. */
export const liveAckSchema = z.union([z.object({ ok: z.literal(true) }), liveRefusalSchema]);
export type LiveAck = z.infer<typeof liveAckSchema>;

/** What the server emits. */
export const liveServerEvents = {
  message: chatMessageSchema,
  /** The consultation as it is now (status, owner, last message, the receiving side's unread count). */
  consultation: consultationSchema,
  typing: z.object({ consultationId: consultationIdSchema, author: authorSchema }),
  read: z.object({ consultationId: consultationIdSchema, reader: authorSchema, upToSeq: z.number().int() }),
};
