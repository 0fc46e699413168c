import { z } from 'zod';
import { message } from '../common/contracts.js';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import { carrierCodeSchema, carrierInputSchema, carrierSchema } from './carriers.js';
import { manualCheckpointSchema, shipmentSchema } from './shipments.js';

/** Who reads a shipment: the order's customer, support and admins, or the order's repair point. */
export const shipmentViewerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('customer'), userId: z.uuid() }),
  z.object({ kind: z.literal('staff') }),
  z.object({ kind: z.literal('repair_point'), repairPointId: repairPointIdSchema }),
]);
export type ShipmentViewer = z.infer<typeof shipmentViewerSchema>;

export const webhookReceiptSchema = z
  .object({ recorded: z.number().int().meta({ description: 'Checkpoints new to us' }) })
  .meta({ id: 'WebhookReceipt' });

/** What the logistics service answers on the bus, `aftersales.logistics.<verb>`. */
export const logisticsMessages = {
  listCarriers: message(
    'aftersales.logistics.list-carriers',
    z.strictObject({ includeInactive: z.boolean().optional() }),
    z.array(carrierSchema),
  ),
  registerCarrier: message(
    'aftersales.logistics.register-carrier',
    z.strictObject({ code: carrierCodeSchema, carrier: carrierInputSchema }),
    carrierSchema,
  ),
  changeCarrier: message(
    'aftersales.logistics.change-carrier',
    z.strictObject({
      code: carrierCodeSchema,
      carrier: carrierInputSchema,
      expectedVersion: z.number().int().positive(),
    }),
    carrierSchema,
  ),
  /**
   * Whether a parcel may go by this number: it fits its carrier's format, and no other customer's order
   * uses it. Refused with a 400 naming the problem.
   */
  checkTrackingNumber: message(
    'aftersales.logistics.check-tracking-number',
    z.strictObject({ carrier: z.string(), trackingNumber: z.string(), customerId: z.uuid() }),
    z.object({ carrier: z.string(), trackingNumber: z.string() }),
  ),
  get: message(
    'aftersales.logistics.get-shipment',
    z.strictObject({ shipmentId: z.uuid(), viewer: shipmentViewerSchema }),
    shipmentSchema,
  ),
  ofOrder: message(
    'aftersales.logistics.shipments-of-order',
    z.strictObject({ diagnosisCode: diagnosisCodeSchema, viewer: shipmentViewerSchema }),
    z.array(shipmentSchema),
  ),
  recordCheckpoint: message(
    'aftersales.logistics.record-checkpoint',
    z.strictObject({
      shipmentId: z.uuid(),
      viewer: shipmentViewerSchema,
      checkpoint: manualCheckpointSchema,
    }),
    shipmentSchema,
  ),
  /** A tracking aggregator's push, exactly as it arrived: the logistics service checks its signature. */
  ingestWebhook: message(
    'aftersales.logistics.ingest-webhook',
    z.strictObject({ provider: z.literal('aftership'), body: z.string(), signature: z.string().optional() }),
    webhookReceiptSchema,
  ),
};
