import { z } from 'zod';
import { event } from '../common/contracts.js';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import {
  deviceOrderNoSchema,
  diagnosedFaultSchema,
  receiptOutcomeSchema,
  repairResultSchema,
  replacedPartSchema,
  testResultSchema,
} from './schemas.js';

const at = z.iso.datetime({ offset: true });
/** Every event names its order both ways: by id for joins, by diagnosis code for people and parcels. */
const order = { repairOrderId: z.uuid(), diagnosisCode: diagnosisCodeSchema };

/** What the repair-orders service publishes on its stream, `aftersales.repair-orders.<type>`. */
export const repairOrderEvents = {
  /** Opened from a converted consultation: its device is the first line, awaiting the mail-in form. */
  repairOrderOpened: event(
    'repair-orders',
    'RepairOrderOpened',
    1,
    z.object({
      ...order,
      consultationId: z.uuid(),
      customerId: z.uuid(),
      lines: z.array(z.object({ deviceOrderNo: deviceOrderNoSchema, sn: z.string(), model: z.string() })),
      openedAt: at,
    }),
  ),
  /**
   * The customer sent the mail-in form: these lines travel to the repair point in one parcel. A line of
   * the opened order missing here was taken off the form and is cancelled.
   */
  mailInSubmitted: event(
    'repair-orders',
    'MailInSubmitted',
    1,
    z.object({
      ...order,
      customerId: z.uuid(),
      repairPointId: repairPointIdSchema,
      lines: z.array(
        z.object({
          deviceOrderNo: deviceOrderNoSchema,
          sn: z.string(),
          model: z.string(),
          fault: z.string(),
          photos: z.array(z.uuid()).optional(),
        }),
      ),
      carrier: z.string(),
      trackingNumber: z.string(),
      submittedAt: at,
    }),
  ),
  /** The customer corrected the outbound parcel's carrier or tracking number before it arrived. */
  outboundShipmentCorrected: event(
    'repair-orders',
    'OutboundShipmentCorrected',
    1,
    z.object({ ...order, carrier: z.string(), trackingNumber: z.string(), correctedAt: at }),
  ),
  repairOrderCancelled: event(
    'repair-orders',
    'RepairOrderCancelled',
    1,
    z.object({ ...order, deviceOrderNos: z.array(deviceOrderNoSchema), cancelledAt: at }),
  ),
  /** The repair point checked one line of the parcel: there and as described, missing, or not matching. */
  deviceReceived: event(
    'repair-orders',
    'DeviceReceived',
    1,
    z.object({
      ...order,
      repairPointId: repairPointIdSchema,
      deviceOrderNo: deviceOrderNoSchema,
      outcome: receiptOutcomeSchema,
      note: z.string().optional(),
      photos: z.array(z.uuid()).optional(),
      receivedAt: at,
    }),
  ),
  repairProgressRecorded: event(
    'repair-orders',
    'RepairProgressRecorded',
    1,
    z.object({
      ...order,
      repairPointId: repairPointIdSchema,
      deviceOrderNo: deviceOrderNoSchema,
      faults: z.array(diagnosedFaultSchema),
      partsReplaced: z.array(replacedPartSchema),
      test: testResultSchema.optional(),
      note: z.string().optional(),
      photos: z.array(z.uuid()).optional(),
      result: repairResultSchema.optional(),
      recordedAt: at,
    }),
  ),
  /** These lines left the repair point in one parcel, back to the customer. */
  deviceReturned: event(
    'repair-orders',
    'DeviceReturned',
    1,
    z.object({
      ...order,
      customerId: z.uuid(),
      repairPointId: repairPointIdSchema,
      deviceOrderNos: z.array(deviceOrderNoSchema).min(1),
      carrier: z.string(),
      trackingNumber: z.string(),
      returnedAt: at,
    }),
  ),
  /** The carrier reports the outbound parcel delivered at the repair point, which still checks it line by line. */
  outboundParcelDelivered: event(
    'repair-orders',
    'OutboundParcelDelivered',
    1,
    z.object({ ...order, repairPointId: repairPointIdSchema, deliveredAt: at }),
  ),
  /** Returned lines arrived: the customer said so, or the carrier's delivery report did. */
  returnConfirmed: event(
    'repair-orders',
    'ReturnConfirmed',
    1,
    z.object({
      ...order,
      deviceOrderNos: z.array(deviceOrderNoSchema).min(1),
      confirmedBy: z.enum(['customer', 'delivery_report']),
      confirmedAt: at,
    }),
  ),
};
