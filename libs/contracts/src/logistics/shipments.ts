import { z } from 'zod';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { deviceOrderNoSchema } from '../repair-orders/schemas.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';

const at = z.iso.datetime({ offset: true });

export const shipmentStatusSchema = z.enum([
  'created',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
]);
export type ShipmentStatus = z.infer<typeof shipmentStatusSchema>;

/** Customer → repair point, or repair point → customer. */
export const shipmentDirectionSchema = z.enum(['outbound', 'return']);
export type ShipmentDirection = z.infer<typeof shipmentDirectionSchema>;

export const checkpointSchema = z
  .object({
    checkpointId: z.uuid(),
    status: shipmentStatusSchema,
    at,
    location: z.string().optional(),
    description: z.string(),
    /** A push of the tracking aggregator, or a person who recorded it by hand. */
    source: z.enum(['aftership', 'manual']),
  })
  .meta({ id: 'Checkpoint' });
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const shipmentSchema = z
  .object({
    id: z.uuid(),
    direction: shipmentDirectionSchema,
    repairOrderId: z.uuid(),
    diagnosisCode: diagnosisCodeSchema,
    repairPointId: repairPointIdSchema,
    deviceOrderNos: z.array(deviceOrderNoSchema),
    carrier: z.string(),
    trackingNumber: z.string(),
    /** The carrier's public tracking page for this number, when the carrier is one we know. */
    trackingLink: z.string().optional(),
    status: shipmentStatusSchema,
    createdAt: at,
    deliveredAt: at.optional(),
    checkpoints: z.array(checkpointSchema),
    version: z.number().int().positive(),
  })
  .meta({ id: 'Shipment' });
export type ShipmentView = z.infer<typeof shipmentSchema>;

/** A checkpoint an engineer or an admin records by hand, say from the carrier's own page. */
export const manualCheckpointSchema = z
  .strictObject({
    status: shipmentStatusSchema,
    at: at.optional(),
    location: z.string().trim().max(120).optional(),
    description: z
      .string({ error: 'is required' })
      .trim()
      .min(1, { error: 'is required' })
      .max(500, { error: 'must be at most 500 characters' }),
  })
  .meta({
    id: 'ManualCheckpoint',
    examples: [{ status: 'delivered', description: 'Signed for at the front desk' }],
  });
export type ManualCheckpoint = z.infer<typeof manualCheckpointSchema>;

/**
 * Broadcast by the logistics service after a shipment took a checkpoint, heard by every gateway: the pages
 * following the shipment's order are given the order again, and read its parcels anew.
 */
export const logisticsNotices = { shipmentChanged: 'aftersales.logistics.shipment-changed' } as const;

export const shipmentChangedNoticeSchema = z.object({ diagnosisCode: diagnosisCodeSchema });
