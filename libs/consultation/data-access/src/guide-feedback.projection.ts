import { guideEvents } from '@aftersales/contracts/consultation';
import type { GuideFeedbackEvent } from '@aftersales/consultation-domain';
import type { Projection } from '@aftersales/shared-event-store';
import { guideFeedback } from './schema.js';

/** Each customer's last answer per guide; the counts readers and support see are summed from it. */
export const guideFeedbackProjection: Projection = {
  name: 'guide_feedback',
  canHandle: [guideEvents.guideFeedbackGiven.type],
  async evolve(event, tx) {
    const { guideId, customerId, helpful, givenAt } = (event as unknown as GuideFeedbackEvent).data;
    await tx
      .insert(guideFeedback)
      .values({ guideId, customerId, helpful, givenAt: new Date(givenAt) })
      .onConflictDoUpdate({
        target: [guideFeedback.guideId, guideFeedback.customerId],
        set: { helpful, givenAt: new Date(givenAt) },
      });
  },
  async reset(tx) {
    await tx.delete(guideFeedback);
  },
};
