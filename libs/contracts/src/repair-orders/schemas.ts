import { z } from 'zod';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { repairPointIdSchema } from '../warranty/repair-points.js';

const timestampSchema = z.iso.datetime({ offset: true });

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

const text = (max: number) =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

/** A fault as the customer describes it on the mail-in form. */
export const faultDescriptionSchema = text(1_000);

/**
 * A carrier's code (`sf-express`, or `other` with the carrier's name) and its tracking number; the
 * logistics service checks each carrier's own number format.
 */
export const shipmentInputSchema = z.strictObject({
  carrier: text(60),
  trackingNumber: z
    .string({ error: 'is required' })
    .trim()
    .regex(/^[A-Za-z0-9-]{6,40}$/, { error: 'must be 6 to 40 letters, digits or -' }),
});
export type ShipmentInput = z.infer<typeof shipmentInputSchema>;

/** A parcel of the order as the order records it; the logistics service tracks it as a `Shipment`. */
export const shipmentSchema = z
  .object({ carrier: z.string(), trackingNumber: z.string(), at: timestampSchema })
  .meta({ id: 'OrderParcel' });
export type Shipment = z.infer<typeof shipmentSchema>;

/** A mail-in line, a receipt or a repair step shows at most this many photos. */
export const MAX_PHOTOS = 6;

/**
 * Photos of a machine, each by the id the gateway stored it under for this order (uploaded first to the
 * order's `photos`); the gateway refuses an id it holds for no photo of this order.
 */
export const photoIdsSchema = z
  .array(z.uuid({ error: 'must be the id of a photo uploaded for this order' }))
  .max(MAX_PHOTOS, { error: `must hold at most ${MAX_PHOTOS} photos` });

/** What a photo of a machine may be, read from its bytes: what phones and cameras take. */
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A photo as stored for an order: its id goes into the form, the receipt or the repair step it shows. */
export const orderPhotoSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    contentType: z.string(),
    size: z.number().int().positive(),
  })
  .meta({ id: 'OrderPhoto' });
export type OrderPhoto = z.infer<typeof orderPhotoSchema>;

export const receiptOutcomeSchema = z.enum(['received', 'missing', 'mismatched']);
export type ReceiptOutcome = z.infer<typeof receiptOutcomeSchema>;

/** The parts of a miner an engineer diagnoses: each fault names one, and where it sits. */
export const faultComponents = ['hash_board', 'psu', 'control_board', 'fan', 'firmware', 'other'] as const;

export const diagnosedFaultSchema = z
  .strictObject({
    component: z.enum(faultComponents),
    /** The slot of a hash board or fan, counted from 1 as printed on the chassis. */
    position: z.number().int().min(1).max(16).optional(),
    /** Chips found faulty on a hash board, by their silkscreen label (`U12`). */
    chips: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{1,12}$/, { error: 'must be a chip label like U12' }),
      )
      .max(400)
      .optional(),
    code: z.string().trim().max(40).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((f) => f.component !== 'hash_board' || f.position !== undefined, {
    error: 'a hash-board fault needs the board position',
    path: ['position'],
  })
  .meta({ id: 'DiagnosedFault' });
export type DiagnosedFault = z.infer<typeof diagnosedFaultSchema>;

export const replacedPartSchema = z
  .strictObject({ part: text(120), quantity: z.number().int().min(1).max(1_000).default(1) })
  .meta({ id: 'ReplacedPart' });
export type ReplacedPart = z.infer<typeof replacedPartSchema>;

export const testResultSchema = z
  .strictObject({
    passed: z.boolean(),
    /** How long the machine ran under load before it passed or failed. */
    burnInHours: z.number().min(0).max(720).optional(),
    hashrate: z.string().trim().max(40).optional(),
  })
  .meta({ id: 'TestResult' });
export type TestResult = z.infer<typeof testResultSchema>;

export const repairResultSchema = z.enum(['repaired', 'unrepairable']);
export type RepairResult = z.infer<typeof repairResultSchema>;

/** One entry of a line's repair record: what was found and done, and, once known, the result. */
export const repairProgressSchema = z
  .strictObject({
    faults: z.array(diagnosedFaultSchema).max(50).default([]),
    partsReplaced: z.array(replacedPartSchema).max(50).default([]),
    test: testResultSchema.optional(),
    note: z.string().trim().max(2_000).optional(),
    photos: photoIdsSchema.optional(),
    result: repairResultSchema.optional(),
  })
  .refine(
    (p) =>
      p.faults.length + p.partsReplaced.length + (p.photos?.length ?? 0) > 0 || p.test || p.note || p.result,
    { error: 'progress needs a fault, a part, a test result, a note, a photo or a result' },
  )
  .meta({ id: 'RepairProgress' });
export type RepairProgress = z.infer<typeof repairProgressSchema>;

export const deviceLineSchema = z
  .object({
    deviceOrderNo: deviceOrderNoSchema,
    sn: z.string(),
    model: z.string(),
    status: deviceLineStatusSchema,
    fault: z.string().optional(),
    /** The customer's photos of the machine, from the mail-in form. */
    photos: z.array(z.uuid()),
    /** The repair point's note on receipt, e.g. what did not match the form. */
    receiptNote: z.string().optional(),
    /** The repair point's photos on receipt, e.g. of damage in transit. */
    receiptPhotos: z.array(z.uuid()),
    returnShipment: shipmentSchema.optional(),
  })
  .meta({ id: 'DeviceLine' });
export type DeviceLine = z.infer<typeof deviceLineSchema>;

/** What happened to an order, for its timeline: who did it, when, and to which lines. */
export const timelineEntrySchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    at: timestampSchema,
    /** `user:<id>`, `api-key:<id>` or `service:<name>`. */
    actor: z.string(),
    /**
     * Who that is, by the name they go by here: a person's display name, an API key's name. Absent for the
     * system, and while the name cannot be read.
     */
    actorName: z.string().optional(),
    deviceOrderNos: z.array(deviceOrderNoSchema),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const repairOrderSchema = z
  .object({
    id: z.uuid(),
    diagnosisCode: diagnosisCodeSchema,
    consultationId: z.uuid(),
    customerId: z.uuid(),
    status: repairOrderStatusSchema,
    /** The stream's version: send it back as `If-Match` so that a concurrent change is refused, not lost. */
    version: z.number().int().positive(),
    lines: z.array(deviceLineSchema),
    repairPointId: repairPointIdSchema.optional(),
    outboundShipment: shipmentSchema.optional(),
    openedAt: timestampSchema,
    submittedAt: timestampSchema.optional(),
  })
  .meta({ id: 'RepairOrder' });
export type RepairOrder = z.infer<typeof repairOrderSchema>;

export const repairOrderDetailSchema = repairOrderSchema
  .extend({ timeline: z.array(timelineEntrySchema) })
  .meta({ id: 'RepairOrderDetail' });
export type RepairOrderDetail = z.infer<typeof repairOrderDetailSchema>;
