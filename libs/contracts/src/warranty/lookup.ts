import { z } from 'zod';
import { normalizeSerialNumber, SERIAL_NUMBER_PATTERN } from './serial-number.js';

export const MAX_BATCH_LOOKUP = 500;

/** A batch keeps malformed SNs: they are flagged in the answer, not refused with the whole batch. */
export const batchLookupRequestSchema = z
  .strictObject({
    sns: z
      .array(z.string().max(100, { error: 'each SN must be at most 100 characters' }), {
        error: 'must be a list of SNs',
      })
      .min(1, { error: 'must hold at least one SN' })
      .max(MAX_BATCH_LOOKUP, { error: `must hold at most ${MAX_BATCH_LOOKUP} SNs` }),
  })
  .meta({ id: 'BatchLookupRequest' });
export type BatchLookupRequest = z.infer<typeof batchLookupRequestSchema>;

export function isWellFormedSn(raw: string): boolean {
  return SERIAL_NUMBER_PATTERN.test(normalizeSerialNumber(raw));
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Dates are calendar days, `YYYY-MM-DD`. */
export const warrantyLookupReplySchema = z
  .object({
    sn: z.string(),
    model: z.string(),
    shippedOn: day,
    warrantyEndsOn: day,
    inWarranty: z.boolean(),
    /** Why the warranty ends when it does. */
    basis: z.object({
      policyMonths: z.number().int(),
      extensions: z.array(z.object({ months: z.number().int(), reason: z.string(), grantedAt: z.string() })),
    }),
  })
  .meta({ id: 'WarrantyLookup' });
export type WarrantyLookupReply = z.infer<typeof warrantyLookupReplySchema>;

export const batchLookupResultSchema = z
  .discriminatedUnion('status', [
    z.object({
      input: z.string(),
      sn: z.string(),
      status: z.enum(['in_warranty', 'out_of_warranty']),
      warranty: warrantyLookupReplySchema,
    }),
    z.object({ input: z.string(), sn: z.string(), status: z.literal('unknown') }),
    z.object({ input: z.string(), status: z.literal('malformed') }),
  ])
  .meta({ id: 'BatchLookupResult' });
export type BatchLookupResult = z.infer<typeof batchLookupResultSchema>;

export const batchLookupReplySchema = z
  .object({ results: z.array(batchLookupResultSchema) })
  .meta({ id: 'BatchLookupReply' });
export type BatchLookupReply = z.infer<typeof batchLookupReplySchema>;
