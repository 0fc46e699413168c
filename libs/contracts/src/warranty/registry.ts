import { z } from 'zod';
import { serialNumberSchema } from './serial-number.js';

export const warrantyPolicySchema = z
  .strictObject({
    model: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(100),
    months: z
      .number({ error: 'must be a number of months' })
      .int({ error: 'must be a whole number of months' })
      .min(0, { error: 'must be 0 or more' })
      .max(120, { error: 'must be at most 120' }),
  })
  .meta({ id: 'WarrantyPolicy' });
export type WarrantyPolicy = z.infer<typeof warrantyPolicySchema>;

export const extensionRequestSchema = z
  .strictObject({
    /** Chosen by the client: a retried request grants the extension once. */
    extensionId: z.uuid({ error: 'must be a UUID' }),
    months: z
      .number({ error: 'must be a number of months' })
      .int({ error: 'must be a whole number of months' })
      .min(1, { error: 'must be at least 1' })
      .max(60, { error: 'must be at most 60' }),
    reason: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(300),
  })
  .meta({ id: 'ExtensionRequest' });
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

const day = z
  .string({ error: 'is required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });

/** One row of a device-registry CSV (header: sn,model,shipped_at[,customer_ref][,order_ref]). */
export const deviceRowSchema = z.object({
  sn: serialNumberSchema,
  model: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(100),
  shipped_at: day.refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      error: 'must be a real calendar day',
    },
  ),
  customer_ref: z.string().trim().max(100).optional(),
  order_ref: z.string().trim().max(100).optional(),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

export const DEVICE_CSV_COLUMNS = ['sn', 'model', 'shipped_at', 'customer_ref', 'order_ref'] as const;

export const importStatuses = ['running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const deviceImportSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    status: z.enum(importStatuses),
    processedRows: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    /** Why a failed import stopped. */
    error: z.string().optional(),
  })
  .meta({ id: 'DeviceImport' });
export type DeviceImport = z.infer<typeof deviceImportSchema>;

const deviceFieldsSchema = z.object({
  model: z.string(),
  shippedOn: z.string(),
  customerRef: z.string().nullable(),
  orderRef: z.string().nullable(),
});
export type DeviceFields = z.infer<typeof deviceFieldsSchema>;

/** One change an import made to a registered device. */
export const deviceChangeSchema = z
  .object({
    importId: z.uuid().nullable(),
    changedAt: z.string(),
    before: deviceFieldsSchema,
    after: deviceFieldsSchema,
  })
  .meta({ id: 'DeviceChange' });
export type DeviceChange = z.infer<typeof deviceChangeSchema>;

export const rejectedRowSchema = z
  .object({ line: z.number().int(), reason: z.string() })
  .meta({ id: 'RejectedRow' });
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export const importIdSchema = z.uuid({ error: 'must be a UUID' });

/** A chunk of raw CSV records with their line numbers; the service validates each row. */
export const importChunkSchema = z.strictObject({
  importId: importIdSchema,
  rows: z
    .array(z.strictObject({ line: z.number().int().positive(), fields: z.record(z.string(), z.string()) }))
    .max(5_000, { error: 'must hold at most 5,000 rows' }),
});
export type ImportChunk = z.infer<typeof importChunkSchema>;
