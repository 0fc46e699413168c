import { z } from 'zod';
import { serialNumberSchema } from './serial-number.js';

export const warrantyLookupRequestSchema = z.object({ sn: serialNumberSchema });
export type WarrantyLookupRequest = z.infer<typeof warrantyLookupRequestSchema>;

/** Dates are calendar days, `YYYY-MM-DD`. */
export interface WarrantyLookupReply {
  sn: string;
  model: string;
  shippedOn: string;
  warrantyEndsOn: string;
  inWarranty: boolean;
}
