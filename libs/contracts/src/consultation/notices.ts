import { z } from 'zod';
import { chatMessageSchema, consultationSchema } from './messages.js';
import { authorSchema, consultationIdSchema } from './schemas.js';

/**
 * Notices every gateway hears (broadcasts: NATS core, or in-process in the embedded mode), so that each
 * brings a consultation's changes to the sockets it holds. A notice may be lost: a client that missed one
 * recovers by joining again after the last `seq` it saw.
 */
export const consultationNotices = {
  /** The consultation service, after a command that changed a consultation. */
  changed: 'aftersales.consultation.changed',
  /** A gateway, when one of its sockets says its user is typing: gateways relay it, nothing stores it. */
  typing: 'aftersales.consultation.typing',
} as const;

export const readMarkSchema = z.object({
  consultationId: consultationIdSchema,
  reader: authorSchema,
  upToSeq: z.number().int(),
});

export const consultationChangedNoticeSchema = z.object({
  consultationId: consultationIdSchema,
  /** The consultation as each side sees it now: the unread counts differ. */
  consultation: z.object({ customer: consultationSchema, agent: consultationSchema }),
  /** The messages the change posted, in `seq` order. */
  messages: z.array(chatMessageSchema),
  reads: z.array(readMarkSchema),
});
export type ConsultationChangedNotice = z.infer<typeof consultationChangedNoticeSchema>;

export const typingNoticeSchema = z.object({ consultationId: consultationIdSchema, author: authorSchema });
export type TypingNotice = z.infer<typeof typingNoticeSchema>;
