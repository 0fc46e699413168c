import { z } from 'zod';
import { event } from '../common/contracts.js';
import {
  attachmentSchema,
  authorSchema,
  consultationDeviceSchema,
  consultationIdSchema,
  consultationTimestampSchema as at,
  diagnosisCodeSchema,
} from './schemas.js';

const consultationId = consultationIdSchema;

/** What the consultation service publishes on its stream, `aftersales.consultation.<type>`. */
export const consultationEvents = {
  consultationOpened: event(
    'consultation',
    'ConsultationOpened',
    1,
    z.object({
      consultationId,
      number: z.string(),
      customerId: z.uuid(),
      device: consultationDeviceSchema,
      openedAt: at,
    }),
  ),
  /** `seq` numbers the consultation's messages from 1, so a client that reconnects asks for what follows. */
  messagePosted: event(
    'consultation',
    'MessagePosted',
    1,
    z.object({
      consultationId,
      messageId: z.uuid(),
      seq: z.number().int().positive(),
      author: authorSchema,
      text: z.string().optional(),
      attachments: z.array(attachmentSchema),
      postedAt: at,
    }),
  ),
  messagesRead: event(
    'consultation',
    'MessagesRead',
    1,
    z.object({
      consultationId,
      reader: authorSchema,
      upToSeq: z.number().int().positive(),
      readAt: at,
    }),
  ),
  consultationTaken: event(
    'consultation',
    'ConsultationTaken',
    1,
    z.object({ consultationId, agentId: z.uuid(), takenAt: at }),
  ),
  consultationHandedOver: event(
    'consultation',
    'ConsultationHandedOver',
    1,
    z.object({ consultationId, fromAgentId: z.uuid(), toAgentId: z.uuid(), handedOverAt: at }),
  ),
  consultationResolved: event(
    'consultation',
    'ConsultationResolved',
    1,
    z.object({ consultationId, agentId: z.uuid(), resolvedAt: at }),
  ),
  /** The repair-orders service opens the repair order from this event alone. */
  consultationConverted: event(
    'consultation',
    'ConsultationConverted',
    1,
    z.object({
      consultationId,
      agentId: z.uuid(),
      customerId: z.uuid(),
      device: consultationDeviceSchema,
      diagnosisCode: diagnosisCodeSchema,
      convertedAt: at,
    }),
  ),
};
