import { z } from 'zod';
import { message } from '../common/contracts.js';
import { authorSchema, diagnosisCodeSchema } from '../consultation/schemas.js';
import { repairOrderSchema } from './schemas.js';

/** What the repair-orders service answers on the bus, `aftersales.repair-orders.<verb>`. */
export const repairOrderMessages = {
  /** A customer sees only their own orders: another's answers 404 like a missing one. */
  get: message(
    'aftersales.repair-orders.get',
    z.strictObject({ diagnosisCode: diagnosisCodeSchema, viewer: authorSchema }),
    repairOrderSchema,
  ),
  listForCustomer: message(
    'aftersales.repair-orders.list-for-customer',
    z.strictObject({ customerId: z.uuid() }),
    z.array(repairOrderSchema),
  ),
};
