import { z } from 'zod';
import { event } from '../common/contracts.js';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { deviceOrderNoSchema } from '../repair-orders/schemas.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import { carrierCodeSchema, carrierInputSchema } from './carriers.js';
import { shipmentDirectionSchema, shipmentStatusSchema } from './shipments.js';

const at = z.iso.datetime({ offset: true });

/** What the logistics service publishes on its stream, `aftersales.logistics.<type>`. */
export const logisticsEvents = {
  carrierRegistered: event(
    'logistics',
    'CarrierRegistered',
    1,
    z.object({ code: carrierCodeSchema, carrier: carrierInputSchema, registeredAt: at }),
  ),
  carrierChanged: event(
    'logistics',
    'CarrierChanged',
    1,
    z.object({ code: carrierCodeSchema, carrier: carrierInputSchema, changedAt: at }),
  ),
  /** A parcel of an order's machines set off, or is about to: its number is now tracked. */
  shipmentCreated: event(
    'logistics',
    'ShipmentCreated',
    1,
    z.object({
      shipmentId: z.uuid(),
      direction: shipmentDirectionSchema,
      repairOrderId: z.uuid(),
      diagnosisCode: diagnosisCodeSchema,
      customerId: z.uuid(),
      repairPointId: repairPointIdSchema,
      deviceOrderNos: z.array(deviceOrderNoSchema),
      carrier: z.string(),
      trackingNumber: z.string(),
      createdAt: at,
    }),
  ),
  shipmentCorrected: event(
    'logistics',
    'ShipmentCorrected',
    1,
    z.object({ shipmentId: z.uuid(), carrier: z.string(), trackingNumber: z.string(), correctedAt: at }),
  ),
  checkpointRecorded: event(
    'logistics',
    'CheckpointRecorded',
    1,
    z.object({
      shipmentId: z.uuid(),
      checkpointId: z.uuid(),
      status: shipmentStatusSchema,
      at,
      location: z.string().optional(),
      description: z.string(),
      source: z.enum(['aftership', 'manual']),
    }),
  ),
  /**
   * The parcel arrived: an outbound one at the repair point (whose engineers still confirm it line by
   * line), a return one at the customer (its lines complete unless the customer confirmed already).
   */
  shipmentDelivered: event(
    'logistics',
    'ShipmentDelivered',
    1,
    z.object({
      shipmentId: z.uuid(),
      direction: shipmentDirectionSchema,
      repairOrderId: z.uuid(),
      diagnosisCode: diagnosisCodeSchema,
      deviceOrderNos: z.array(deviceOrderNoSchema),
      deliveredAt: at,
    }),
  ),
};
