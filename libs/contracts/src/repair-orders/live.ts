import { z } from 'zod';
import { diagnosisCodeSchema } from '../consultation/schemas.js';
import { repairOrderDetailSchema } from './schemas.js';

/**
 * Repair orders on the live socket (namespace `/live`, as the chat): a page that shows an order follows it
 * and is given the order again after every change, so every open page updates at once.
 */
export const orderLiveClientEvents = {
  /** Follow an order the user may read; the acknowledgement carries it as it is now. */
  followOrder: z.strictObject({ diagnosisCode: diagnosisCodeSchema }),
  unfollowOrder: z.strictObject({ diagnosisCode: diagnosisCodeSchema }),
};

/** What the server emits to the followers of an order: `order`, the order as it is now. */
export const orderLiveServerEvents = { order: repairOrderDetailSchema };

/** Broadcast by the repair-orders service after each change, heard by every gateway. */
export const repairOrderNotices = { changed: 'aftersales.repair-orders.changed' } as const;

export const repairOrderChangedNoticeSchema = z.object({ order: repairOrderDetailSchema });
export type RepairOrderChangedNotice = z.infer<typeof repairOrderChangedNoticeSchema>;
