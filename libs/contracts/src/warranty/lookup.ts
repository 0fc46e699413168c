import { z } from 'zod';
import { normalizeSerialNumber, SERIAL_NUMBER_PATTERN, serialNumberSchema } from './serial-number.js';

export const warrantyLookupRequestSchema = z.object({ sn: serialNumberSchema });
export type WarrantyLookupRequest = z.infer<typeof warrantyLookupRequestSchema>;

export const MAX_BATCH_LOOKUP = 500;

/** A batch keeps malformed SNs: they are flagged in the answer, not refused with the whole batch. */
export const batchLookupRequestSchema = z.strictObject({
  sns: z
    .array(z.string().max(100, { error: 'each SN must be at most 100 characters' }), {
      error: 'must be a list of SNs',
    })
    .min(1, { error: 'must hold at least one SN' })
    .max(MAX_BATCH_LOOKUP, { error: `must hold at most ${MAX_BATCH_LOOKUP} SNs` }),
});
export type BatchLookupRequest = z.infer<typeof batchLookupRequestSchema>;

export function isWellFormedSn(raw: string): boolean {
  return SERIAL_NUMBER_PATTERN.test(normalizeSerialNumber(raw));
}

/** Dates are calendar days, `YYYY-MM-DD`. */
export interface WarrantyLookupReply {
  sn: string;
  model: string;
  shippedOn: string;
  warrantyEndsOn: string;
  inWarranty: boolean;
  /** Why the warranty ends when it does. */
  basis: {
    policyMonths: number;
    extensions: { months: number; reason: string; grantedAt: string }[];
  };
}

export type BatchLookupResult =
  | { input: string; sn: string; status: 'in_warranty' | 'out_of_warranty'; warranty: WarrantyLookupReply }
  | { input: string; sn: string; status: 'unknown' }
  | { input: string; status: 'malformed' };

export interface BatchLookupReply {
  results: BatchLookupResult[];
}
