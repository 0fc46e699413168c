import { z } from 'zod';
import { checkDigitSchemes } from './tracking-numbers.js';

/** Our code of a carrier; `other` stands for one the customer names. */
export const carrierCodeSchema = z
  .string({ error: 'is required' })
  .regex(/^[a-z0-9-]{2,40}$/, { error: 'must be 2 to 40 lowercase letters, digits or -' });

export const OTHER_CARRIER = 'other';

const text = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

/** A pattern must compile, and is matched against the whole number. */
const patternSchema = text(200).refine(
  (pattern) => {
    try {
      new RegExp(`^(?:${pattern})$`);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be a valid regular expression' },
);

export const carrierInputSchema = z
  .strictObject({
    nameZh: text(60),
    nameEn: text(60),
    /** What a tracking number of this carrier looks like, as a regular expression over the whole number. */
    pattern: patternSchema,
    checkDigit: z.enum(checkDigitSchemes).optional(),
    /** The carrier's public tracking page, `{number}` standing for the tracking number. */
    trackingUrl: z
      .url({ error: 'must be a URL' })
      .refine((url) => url.includes('{number}'), { error: 'must contain {number}' }),
    /** The carrier's slug at the tracking aggregator (AfterShip), to match its pushes to our shipments. */
    aftershipSlug: z.string().trim().max(60).optional(),
    active: z.boolean().default(true),
  })
  .meta({ id: 'CarrierInput' });
export type CarrierInput = z.infer<typeof carrierInputSchema>;

export const carrierSchema = carrierInputSchema
  .extend({ code: carrierCodeSchema, version: z.number().int().positive() })
  .meta({ id: 'Carrier' });
export type Carrier = z.infer<typeof carrierSchema>;
