import { z } from 'zod';

/** At most this many files travel with one chat message (the manual's rule). */
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;
export const MAX_MESSAGE_TEXT = 4_000;

export const consultationTimestampSchema = z.iso.datetime({ offset: true });

export const consultationIdSchema = z.uuid({ error: 'must be a consultation id (a UUID)' });

/**
 * A diagnosis code: 8 letters and digits like `ZH0090Gd`, issued when a consultation is converted and
 * printed on the packing slip; random, so that nobody reaches an order by guessing one.
 */
export const diagnosisCodeSchema = z
  .string()
  .regex(/^[0-9A-Za-z]{8}$/, { error: 'must be 8 letters and digits, such as ZH0090Gd' });

/** The machine a consultation is about, as the warranty lookup described it when it was opened. */
export const consultationDeviceSchema = z
  .object({ sn: z.string(), model: z.string(), warrantyEndsOn: z.string() })
  .meta({ id: 'ConsultationDevice' });
export type ConsultationDevice = z.infer<typeof consultationDeviceSchema>;

/** A stored file a message carries; the bytes are behind the attachment store, under `id`. */
export const attachmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string().min(1).max(255),
    contentType: z.string().min(1).max(255),
    size: z.number().int().positive(),
  })
  .meta({ id: 'Attachment' });
export type Attachment = z.infer<typeof attachmentSchema>;

export const authorSchema = z.object({
  kind: z.enum(['customer', 'agent']),
  userId: z.uuid(),
});
export type Author = z.infer<typeof authorSchema>;

export const consultationStatusSchema = z.enum(['open', 'in_progress', 'completed']);
export type ConsultationStatus = z.infer<typeof consultationStatusSchema>;
export const consultationOutcomeSchema = z.enum(['resolved', 'converted']);
export type ConsultationOutcome = z.infer<typeof consultationOutcomeSchema>;
