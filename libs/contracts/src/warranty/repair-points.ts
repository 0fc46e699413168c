import { z } from 'zod';

export const repairPointKinds = ['official', 'third_party'] as const;
export type RepairPointKind = (typeof repairPointKinds)[number];

const text = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

export const repairPointIdSchema = z
  .string({ error: 'is required' })
  .regex(/^[a-z0-9-]{2,64}$/, { error: 'must be 2 to 64 lowercase letters, digits or -' });

/** An official point receives in-warranty mail-ins; a third-party point does paid repairs. */
export const repairPointInputSchema = z
  .strictObject({
    kind: z.enum(repairPointKinds),
    name: text(120),
    country: z
      .string({ error: 'is required' })
      .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as CN' }),
    region: text(80),
    city: text(80),
    address: text(300),
    contact: text(120),
    phone: text(40),
    email: z.email({ error: 'must be an email address' }).optional(),
    models: z.array(text(100)).max(50).default([]),
    capacityPerWeek: z.number().int().min(0).max(100_000).optional(),
    active: z.boolean().default(true),
  })
  .meta({ id: 'RepairPointInput' });
export type RepairPointInput = z.infer<typeof repairPointInputSchema>;

export const repairPointSchema = repairPointInputSchema
  .extend({
    id: z.string(),
    /** The version a change must name (HTTP: `If-Match`), so that concurrent edits cannot overwrite each other. */
    version: z.number().int().positive(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RepairPoint' });
export type RepairPoint = z.infer<typeof repairPointSchema>;

export const repairPointQuerySchema = z.strictObject({
  kind: z.enum(repairPointKinds).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter country code such as CN' })
    .optional(),
  region: z.string().trim().max(80).optional(),
  /** Sorts the points of this country and region first: `CN` or `CN/Guangdong`. */
  near: z.string().trim().max(100).optional(),
});
export type RepairPointQuery = z.infer<typeof repairPointQuerySchema>;
