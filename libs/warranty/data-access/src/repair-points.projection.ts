import { type RepairPoint, warrantyEvents } from '@aftersales/contracts/warranty';
import type { Projection } from '@aftersales/shared-event-store';
import { repairPoints } from './schema.js';

/**
 * The repair-point table, kept from the points' events in the transaction that appends them, so that an
 * admin's list shows a change as soon as it is saved.
 */
export const repairPointsProjection: Projection = {
  name: 'repair_points',
  canHandle: [warrantyEvents.repairPointRegistered.type, warrantyEvents.repairPointChanged.type],
  async evolve(event, tx) {
    const { id, updatedAt, email, capacityPerWeek, ...point } = event.data as RepairPoint;
    const row = {
      ...point,
      email: email ?? null,
      capacityPerWeek: capacityPerWeek ?? null,
      updatedAt: new Date(updatedAt),
    };
    await tx
      .insert(repairPoints)
      .values({ id, ...row })
      .onConflictDoUpdate({ target: repairPoints.id, set: row });
  },
  async reset(tx) {
    await tx.delete(repairPoints);
  },
};
