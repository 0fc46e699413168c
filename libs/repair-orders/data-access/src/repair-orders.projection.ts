import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import type { RepairOrderEvent } from '@aftersales/repair-orders-domain';
import type { Projection } from '@aftersales/shared-event-store';
import { deviceLines, repairOrders } from './schema.js';

/** Orders and their device lines, kept in the transaction that appends the events. */
export const repairOrdersProjection: Projection = {
  name: 'repair_orders',
  canHandle: Object.values(repairOrderEvents).map((e) => e.type),
  async evolve(recorded, tx) {
    const event = recorded as unknown as RepairOrderEvent;
    const { repairOrderId, diagnosisCode, consultationId, customerId, lines, openedAt } = event.data;
    await tx
      .insert(repairOrders)
      .values({
        id: repairOrderId,
        diagnosisCode,
        consultationId,
        customerId,
        status: 'awaiting_submission',
        openedAt: new Date(openedAt),
      })
      .onConflictDoNothing();
    await tx
      .insert(deviceLines)
      .values(lines.map((line) => ({ ...line, repairOrderId, status: 'awaiting_submission' })))
      .onConflictDoNothing();
  },
  async reset(tx) {
    await tx.delete(deviceLines);
    await tx.delete(repairOrders);
  },
};
