import { z } from 'zod';
import { diagnosisCodeSchema } from '../consultation/schemas.js';

/** Each device line's own number: 32 lowercase hex digits, as the manual's 设备单号. */
export const deviceOrderNoSchema = z
  .string()
  .regex(/^[0-9a-f]{32}$/, { error: 'must be 32 lowercase hex digits' });

export const repairOrderStatusSchema = z.enum([
  'awaiting_submission',
  'awaiting_receipt',
  'received',
  'repairing',
  'returned',
  'completed',
  'cancelled',
]);
export type RepairOrderStatus = z.infer<typeof repairOrderStatusSchema>;

export const deviceLineStatusSchema = z.enum([
  'awaiting_submission',
  'awaiting_receipt',
  'received',
  'missing',
  'mismatched',
  'repairing',
  'repaired',
  'unrepairable',
  'returned',
  'completed',
  'cancelled',
]);
export type DeviceLineStatus = z.infer<typeof deviceLineStatusSchema>;

export const deviceLineSchema = z
  .object({
    deviceOrderNo: deviceOrderNoSchema,
    sn: z.string(),
    model: z.string(),
    status: deviceLineStatusSchema,
  })
  .meta({ id: 'DeviceLine' });
export type DeviceLine = z.infer<typeof deviceLineSchema>;

export const repairOrderSchema = z
  .object({
    id: z.uuid(),
    diagnosisCode: diagnosisCodeSchema,
    consultationId: z.uuid(),
    customerId: z.uuid(),
    status: repairOrderStatusSchema,
    lines: z.array(deviceLineSchema),
    openedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'RepairOrder' });
export type RepairOrder = z.infer<typeof repairOrderSchema>;
