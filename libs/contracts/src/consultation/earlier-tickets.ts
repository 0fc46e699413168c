import { z } from 'zod';
import { repairOrderSchema } from '../repair-orders/schemas.js';
import { consultationSchema } from './messages.js';

/**
 * What support sees of a consultation's customer beside it: their other consultations and their repair
 * orders, except the one this consultation was converted into.
 */
export const earlierTicketsSchema = z
  .object({
    consultations: z.array(consultationSchema),
    repairOrders: z.array(repairOrderSchema),
  })
  .meta({ id: 'EarlierTickets' });
export type EarlierTickets = z.infer<typeof earlierTicketsSchema>;
