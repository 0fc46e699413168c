import { z } from 'zod';
import { message } from '../common/contracts.js';
import { serialNumberSchema } from '../warranty/serial-number.js';
import {
  attachmentSchema,
  authorSchema,
  consultationIdSchema,
  consultationOutcomeSchema,
  consultationStatusSchema,
  consultationTimestampSchema,
  diagnosisCodeSchema,
  MAX_ATTACHMENTS_PER_MESSAGE,
  MAX_MESSAGE_TEXT,
} from './schemas.js';

export const MAX_MESSAGES_PAGE = 100;

const userId = z.uuid();
const byId = { consultationId: consultationIdSchema };

/** A message as a client sends it; its id is the client's, so that sending again posts it once. */
export const newMessageSchema = z
  .strictObject({
    messageId: z.uuid({ error: 'must be a message id (a UUID) the client made' }),
    text: z
      .string()
      .max(MAX_MESSAGE_TEXT, { error: `must be at most ${MAX_MESSAGE_TEXT} characters` })
      .optional(),
    attachments: z
      .array(attachmentSchema)
      .max(MAX_ATTACHMENTS_PER_MESSAGE, { error: `must be at most ${MAX_ATTACHMENTS_PER_MESSAGE} files` }),
  })
  .meta({ id: 'NewMessage' });
export type NewMessageRequest = z.infer<typeof newMessageSchema>;

/** What a customer sends to open a consultation: the machine, and optionally what is wrong with it. */
export const openConsultationRequestSchema = z
  .strictObject({
    sn: serialNumberSchema,
    text: z
      .string()
      .max(MAX_MESSAGE_TEXT, { error: `must be at most ${MAX_MESSAGE_TEXT} characters` })
      .optional(),
  })
  .meta({ id: 'OpenConsultationRequest' });
export type OpenConsultationRequest = z.infer<typeof openConsultationRequestSchema>;

/** A text message over HTTP; files arrive only as uploads, never as ids a client names. */
export const postMessageRequestSchema = newMessageSchema
  .pick({ messageId: true, text: true })
  .meta({ id: 'PostMessageRequest' });
export type PostMessageRequest = z.infer<typeof postMessageRequestSchema>;

export const messagesQuerySchema = z
  .strictObject({
    before: z.coerce.number().int().positive().optional(),
    after: z.coerce.number().int().nonnegative().optional(),
    limit: z.coerce.number().int().min(1).max(MAX_MESSAGES_PAGE).default(50),
  })
  .refine((q) => q.before === undefined || q.after === undefined, {
    error: 'send before or after, not both',
    path: ['after'],
  });
export type MessagesQuery = z.infer<typeof messagesQuerySchema>;

export const consultationsQuerySchema = z.strictObject({ status: consultationStatusSchema.optional() });

export const chatMessageSchema = z
  .object({
    consultationId: consultationIdSchema,
    messageId: z.uuid(),
    seq: z.number().int().positive(),
    author: authorSchema,
    text: z.string().optional(),
    attachments: z.array(attachmentSchema),
    postedAt: consultationTimestampSchema,
  })
  .meta({ id: 'ChatMessage' });
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const consultationSchema = z
  .object({
    id: consultationIdSchema,
    number: z.string(),
    customerId: userId,
    device: z.object({ sn: z.string(), model: z.string(), warrantyEndsOn: z.string() }),
    status: consultationStatusSchema,
    outcome: consultationOutcomeSchema.optional(),
    agentId: userId.optional(),
    diagnosisCode: diagnosisCodeSchema.optional(),
    openedAt: consultationTimestampSchema,
    lastActivityAt: consultationTimestampSchema,
    lastMessage: z.string().optional(),
    lastSeq: z.number().int().nonnegative(),
    /** Of the caller's side: the customer's for a customer, the agents' for an agent. */
    unread: z.number().int().nonnegative(),
  })
  .meta({ id: 'Consultation' });
export type Consultation = z.infer<typeof consultationSchema>;

/** Who asks: the customer sees their own consultations, an agent all of them. */
const viewerSchema = authorSchema;

/** What the consultation service answers on the bus, `aftersales.consultation.<verb>`. */
export const consultationMessages = {
  open: message(
    'aftersales.consultation.open',
    z.strictObject({
      consultationId: consultationIdSchema,
      customerId: userId,
      sn: serialNumberSchema,
      firstMessage: newMessageSchema.optional(),
    }),
    consultationSchema,
  ),
  /** Whose consultation this is; no `customerId` when there is no such consultation. */
  owner: message(
    'aftersales.consultation.owner',
    z.strictObject(byId),
    z.object({ customerId: userId.optional() }),
  ),
  get: message(
    'aftersales.consultation.get',
    z.strictObject({ ...byId, viewer: viewerSchema }),
    consultationSchema,
  ),
  list: message(
    'aftersales.consultation.list',
    z.strictObject({ viewer: viewerSchema, status: consultationStatusSchema.optional() }),
    z.array(consultationSchema),
  ),
  /** One customer's consultations, the latest activity first, as support sees them. */
  listForCustomer: message(
    'aftersales.consultation.list-for-customer',
    z.strictObject({ customerId: userId }),
    z.array(consultationSchema),
  ),
  /** A page of messages before `beforeSeq` (newest page without it), or those after `afterSeq` (catch-up). */
  messages: message(
    'aftersales.consultation.messages',
    z.strictObject({
      ...byId,
      viewer: viewerSchema,
      beforeSeq: z.number().int().positive().optional(),
      afterSeq: z.number().int().nonnegative().optional(),
      limit: z.number().int().min(1).max(MAX_MESSAGES_PAGE).default(50),
    }),
    z.array(chatMessageSchema),
  ),
  post: message(
    'aftersales.consultation.post',
    z.strictObject({ ...byId, author: authorSchema, message: newMessageSchema }),
    chatMessageSchema,
  ),
  markRead: message(
    'aftersales.consultation.mark-read',
    z.strictObject({ ...byId, reader: authorSchema, upToSeq: z.number().int().positive() }),
    consultationSchema,
  ),
  take: message(
    'aftersales.consultation.take',
    z.strictObject({ ...byId, agentId: userId }),
    consultationSchema,
  ),
  handOver: message(
    'aftersales.consultation.hand-over',
    z.strictObject({ ...byId, agentId: userId, toAgentId: userId }),
    consultationSchema,
  ),
  resolve: message(
    'aftersales.consultation.resolve',
    z.strictObject({ ...byId, agentId: userId }),
    consultationSchema,
  ),
  convert: message(
    'aftersales.consultation.convert',
    z.strictObject({ ...byId, agentId: userId }),
    z.object({ consultation: consultationSchema, diagnosisCode: diagnosisCodeSchema }),
  ),
};
