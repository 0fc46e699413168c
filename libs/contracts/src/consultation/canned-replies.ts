import { z } from 'zod';
import { event, message } from '../common/contracts.js';
import { consultationTimestampSchema as at, MAX_MESSAGE_TEXT } from './schemas.js';

export const MAX_CANNED_REPLY_TITLE = 100;

export const cannedReplyIdSchema = z.uuid({ error: 'must be a canned reply id (a UUID)' });

const title = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(MAX_CANNED_REPLY_TITLE, { error: `must be at most ${MAX_CANNED_REPLY_TITLE} characters` });

/** The text goes into a chat message as it is, so it has a message's limit. */
const text = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'is required' })
  .max(MAX_MESSAGE_TEXT, { error: `must be at most ${MAX_MESSAGE_TEXT} characters` });

/** A canned reply's words, in whatever language the agent writes them. */
export const cannedReplyInputSchema = z.strictObject({ title, text }).meta({ id: 'CannedReplyInput' });
export type CannedReplyInput = z.infer<typeof cannedReplyInputSchema>;

/** A new canned reply: its id is the client's, so that sending it again creates it once. */
export const createCannedReplyRequestSchema = cannedReplyInputSchema
  .extend({ id: cannedReplyIdSchema })
  .meta({ id: 'CreateCannedReplyRequest' });
export type CreateCannedReplyRequest = z.infer<typeof createCannedReplyRequestSchema>;

export const cannedReplySchema = z
  .object({
    id: cannedReplyIdSchema,
    title: z.string(),
    text: z.string(),
    /** Its stream's version: a change names it in `If-Match`. */
    version: z.number().int().positive(),
    createdBy: z.uuid(),
    updatedBy: z.uuid(),
    updatedAt: at,
  })
  .meta({ id: 'CannedReply' });
export type CannedReply = z.infer<typeof cannedReplySchema>;

const byId = { cannedReplyId: cannedReplyIdSchema };
/** The agent (or admin) who makes the change. */
const userId = z.uuid();

/** What the consultation service publishes of its canned replies, `aftersales.consultation.<type>`. */
export const cannedReplyEvents = {
  cannedReplyCreated: event(
    'consultation',
    'CannedReplyCreated',
    1,
    z.object({ ...byId, title: z.string(), text: z.string(), createdBy: userId, createdAt: at }),
  ),
  cannedReplyEdited: event(
    'consultation',
    'CannedReplyEdited',
    1,
    z.object({ ...byId, title: z.string(), text: z.string(), editedBy: userId, editedAt: at }),
  ),
  cannedReplyDeleted: event(
    'consultation',
    'CannedReplyDeleted',
    1,
    z.object({ ...byId, deletedBy: userId, deletedAt: at }),
  ),
};

/** What the consultation service answers of its canned replies, `aftersales.consultation.<verb>`. */
export const cannedReplyMessages = {
  /** Every canned reply, by title. */
  list: message(
    'aftersales.consultation.list-canned-replies',
    z.strictObject({}),
    z.array(cannedReplySchema),
  ),
  /** Creating one again with the same id and words answers it as it is; other words are refused. */
  create: message(
    'aftersales.consultation.create-canned-reply',
    z.strictObject({ ...byId, input: cannedReplyInputSchema, userId }),
    cannedReplySchema,
  ),
  /** `expectedVersion` is the version the caller read (If-Match); a reply changed since is refused. */
  edit: message(
    'aftersales.consultation.edit-canned-reply',
    z.strictObject({
      ...byId,
      input: cannedReplyInputSchema,
      userId,
      expectedVersion: z.number().int().positive(),
    }),
    cannedReplySchema,
  ),
  /** Deleting a deleted reply changes nothing. */
  delete: message(
    'aftersales.consultation.delete-canned-reply',
    z.strictObject({ ...byId, userId }),
    z.object({ deleted: z.literal(true) }),
  ),
};
