import { z } from 'zod';
import { message } from '../common/contracts.js';
import { authorSchema, diagnosisCodeSchema } from '../consultation/schemas.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import {
  deviceCheckRequestSchema,
  deviceCheckSchema,
  mailInRequestSchema,
  pointOrdersQuerySchema,
  receiptRequestSchema,
  returnShipmentRequestSchema,
  ticketsQuerySchema,
} from './requests.js';
import {
  deviceLineStatusSchema,
  deviceOrderNoSchema,
  repairOrderDetailSchema,
  repairOrderSchema,
  repairOrderStatusSchema,
  repairProgressSchema,
  shipmentInputSchema,
} from './schemas.js';

/** Who reads an order: its customer, an agent, or the repair point it was sent to. */
export const orderViewerSchema = z.discriminatedUnion('kind', [
  authorSchema,
  z.object({ kind: z.literal('repair_point'), repairPointId: repairPointIdSchema }),
]);
export type OrderViewer = z.infer<typeof orderViewerSchema>;

const byCode = { diagnosisCode: diagnosisCodeSchema };
const customer = { customerId: z.uuid() };
const point = { repairPointId: repairPointIdSchema };
/** The version the caller read (If-Match): a newer one is refused with 412 rather than overwritten. */
const ifMatch = { expectedVersion: z.number().int().positive().optional() };

export const ticketRowSchema = z
  .object({
    deviceOrderNo: deviceOrderNoSchema,
    diagnosisCode: diagnosisCodeSchema,
    model: z.string(),
    sn: z.string(),
    status: deviceLineStatusSchema,
    openedAt: z.iso.datetime({ offset: true }),
    submittedAt: z.iso.datetime({ offset: true }).optional(),
    returnCarrier: z.string().optional(),
    returnTrackingNumber: z.string().optional(),
  })
  .meta({ id: 'TicketRow' });
export type TicketRow = z.infer<typeof ticketRowSchema>;

export const ticketsPageSchema = z
  .object({
    rows: z.array(ticketRowSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'TicketsPage' });
export type TicketsPage = z.infer<typeof ticketsPageSchema>;

export const pointOrdersSchema = z
  .object({
    orders: z.array(repairOrderSchema),
    counts: z.partialRecord(repairOrderStatusSchema, z.number().int()),
  })
  .meta({ id: 'RepairPointOrders' });
export type PointOrders = z.infer<typeof pointOrdersSchema>;

/** What the repair-orders service answers on the bus, `aftersales.repair-orders.<verb>`. */
export const repairOrderMessages = {
  /** A customer sees only their own orders, a repair point only those sent to it: others answer 404. */
  get: message(
    'aftersales.repair-orders.get',
    z.strictObject({ ...byCode, viewer: orderViewerSchema }),
    repairOrderDetailSchema,
  ),
  listForCustomer: message(
    'aftersales.repair-orders.list-for-customer',
    z.strictObject(customer),
    z.array(repairOrderSchema),
  ),
  tickets: message(
    'aftersales.repair-orders.tickets',
    z.strictObject({ ...customer, ...ticketsQuerySchema.shape }),
    ticketsPageSchema,
  ),
  checkDevices: message(
    'aftersales.repair-orders.check-devices',
    z.strictObject({ ...byCode, ...customer, ...deviceCheckRequestSchema.shape }),
    z.array(deviceCheckSchema),
  ),
  submitMailIn: message(
    'aftersales.repair-orders.submit-mail-in',
    z.strictObject({ ...byCode, ...customer, ...ifMatch, ...mailInRequestSchema.shape }),
    repairOrderDetailSchema,
  ),
  correctOutboundShipment: message(
    'aftersales.repair-orders.correct-outbound-shipment',
    z.strictObject({ ...byCode, ...customer, ...ifMatch, ...shipmentInputSchema.shape }),
    repairOrderDetailSchema,
  ),
  cancel: message(
    'aftersales.repair-orders.cancel',
    z.strictObject({ ...byCode, ...customer, ...ifMatch }),
    repairOrderDetailSchema,
  ),
  confirmReceipt: message(
    'aftersales.repair-orders.confirm-receipt',
    z.strictObject({ ...byCode, ...customer, ...ifMatch }),
    repairOrderDetailSchema,
  ),
  pointOrders: message(
    'aftersales.repair-orders.point-orders',
    z.strictObject({ ...point, ...pointOrdersQuerySchema.shape }),
    pointOrdersSchema,
  ),
  receive: message(
    'aftersales.repair-orders.receive',
    z.strictObject({ ...byCode, ...point, ...ifMatch, ...receiptRequestSchema.shape }),
    repairOrderDetailSchema,
  ),
  recordProgress: message(
    'aftersales.repair-orders.record-progress',
    z.strictObject({
      ...byCode,
      ...point,
      ...ifMatch,
      deviceOrderNo: deviceOrderNoSchema,
      progress: repairProgressSchema,
    }),
    repairOrderDetailSchema,
  ),
  shipBack: message(
    'aftersales.repair-orders.ship-back',
    z.strictObject({ ...byCode, ...point, ...ifMatch, ...returnShipmentRequestSchema.shape }),
    repairOrderDetailSchema,
  ),
};
