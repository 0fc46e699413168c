import { z } from 'zod';
import { event } from '../common/contracts.js';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { deviceOrderNoSchema } from './schemas.js';

/** What the repair-orders service publishes on its stream, `aftersales.repair-orders.<type>`. */
export const repairOrderEvents = {
  /** Opened from a converted consultation: its device is the first line, awaiting the mail-in form. */
  repairOrderOpened: event(
    'repair-orders',
    'RepairOrderOpened',
    1,
    z.object({
      repairOrderId: z.uuid(),
      diagnosisCode: diagnosisCodeSchema,
      consultationId: z.uuid(),
      customerId: z.uuid(),
      lines: z.array(z.object({ deviceOrderNo: deviceOrderNoSchema, sn: z.string(), model: z.string() })),
      openedAt: z.iso.datetime({ offset: true }),
    }),
  ),
};
