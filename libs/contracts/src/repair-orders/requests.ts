import { z } from 'zod';
import { repairPointIdSchema } from '../warranty/repair-points.js';
import { serialNumberSchema } from '../warranty/serial-number.js';
import {
  deviceLineStatusSchema,
  deviceOrderNoSchema,
  faultDescriptionSchema,
  photoIdsSchema,
  receiptOutcomeSchema,
  repairOrderStatusSchema,
  repairProgressSchema,
  shipmentInputSchema,
} from './schemas.js';

/** A mining farm ships dozens of machines in one parcel; a pallet holds at most this many. */
export const MAX_MAIL_IN_DEVICES = 200;

export const mailInRequestSchema = z
  .strictObject({
    devices: z
      .array(
        z.strictObject({
          sn: serialNumberSchema,
          fault: faultDescriptionSchema,
          photos: photoIdsSchema.optional(),
        }),
        {
          error: 'must be a list of devices',
        },
      )
      .min(1, { error: 'must hold at least one device' })
      .max(MAX_MAIL_IN_DEVICES, { error: `must hold at most ${MAX_MAIL_IN_DEVICES} devices` }),
    repairPointId: repairPointIdSchema,
  })
  .extend(shipmentInputSchema.shape)
  .meta({
    id: 'MailInRequest',
    examples: [
      {
        devices: [{ sn: 'ZH10014510045', fault: 'Hash board 2 not detected' }],
        repairPointId: 'rp-shenzhen',
        carrier: 'sf-express',
        trackingNumber: 'SF1234567890123',
      },
    ],
  });
export type MailInRequest = z.infer<typeof mailInRequestSchema>;

export const deviceCheckRequestSchema = z
  .strictObject({
    sns: z
      .array(z.string().max(100, { error: 'each SN must be at most 100 characters' }))
      .min(1, { error: 'must hold at least one SN' })
      .max(MAX_MAIL_IN_DEVICES, { error: `must hold at most ${MAX_MAIL_IN_DEVICES} SNs` }),
  })
  .meta({ id: 'DeviceCheckRequest' });

/** Why a machine cannot go on this mail-in form; none when it can. */
export const deviceProblemSchema = z.enum([
  'malformed',
  'unknown',
  'out_of_warranty',
  'model_unknown',
  'in_another_order',
  'duplicate',
]);
export type DeviceProblem = z.infer<typeof deviceProblemSchema>;

export const deviceCheckSchema = z
  .object({
    input: z.string(),
    sn: z.string().optional(),
    model: z.string().optional(),
    problem: deviceProblemSchema.optional(),
    /** The order that holds the machine already, for `in_another_order`. */
    diagnosisCode: z.string().optional(),
  })
  .meta({ id: 'DeviceCheck' });
export type DeviceCheck = z.infer<typeof deviceCheckSchema>;

export const receiptRequestSchema = z
  .strictObject({
    lines: z
      .array(
        z.strictObject({
          deviceOrderNo: deviceOrderNoSchema,
          outcome: receiptOutcomeSchema,
          note: z.string().trim().max(500).optional(),
          photos: photoIdsSchema.optional(),
        }),
      )
      .min(1, { error: 'must hold at least one line' })
      .max(MAX_MAIL_IN_DEVICES),
  })
  .meta({
    id: 'ReceiptRequest',
    examples: [{ lines: [{ deviceOrderNo: '0123456789abcdef0123456789abcdef', outcome: 'received' }] }],
  });
export type ReceiptRequest = z.infer<typeof receiptRequestSchema>;

export const returnShipmentRequestSchema = z
  .strictObject({
    deviceOrderNos: z.array(deviceOrderNoSchema).min(1, { error: 'must hold at least one line' }),
  })
  .extend(shipmentInputSchema.shape)
  .meta({
    id: 'ReturnShipmentRequest',
    examples: [
      {
        deviceOrderNos: ['0123456789abcdef0123456789abcdef'],
        carrier: 'sf-express',
        trackingNumber: 'SF9876543210987',
      },
    ],
  });
export type ReturnShipmentRequest = z.infer<typeof returnShipmentRequestSchema>;

export const progressRequestSchema = repairProgressSchema.meta({
  id: 'RepairProgressRequest',
  examples: [
    {
      faults: [{ component: 'hash_board', position: 2, chips: ['U12', 'U13'] }],
      partsReplaced: [{ part: 'BM1366 chip', quantity: 2 }],
      test: { passed: true, burnInHours: 24 },
      result: 'repaired',
    },
  ],
});

export const TICKETS_PAGE_SIZE = 20;

/** Query schemas stay unnamed: OpenAPI lists their fields as parameters only when they are inline. */
export const ticketsQuerySchema = z.strictObject({
  status: deviceLineStatusSchema.optional(),
  q: z.string().trim().max(64, { error: 'must be at most 64 characters' }).optional(),
  page: z.coerce.number().int().min(1, { error: 'must be 1 or more' }).default(1),
});
export type TicketsQuery = z.infer<typeof ticketsQuerySchema>;

export const pointOrdersQuerySchema = z.strictObject({ status: repairOrderStatusSchema.optional() });
