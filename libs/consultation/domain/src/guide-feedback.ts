import type { EventDataOf } from '@aftersales/contracts/common';
import type { guideEvents } from '@aftersales/contracts/consultation';
import type { Command, Decider } from '@aftersales/shared-decider';
import { guideNotFound } from './guide.js';

type Given = (typeof guideEvents)['guideFeedbackGiven'];
export type GuideFeedbackEvent = { type: Given['type']; data: EventDataOf<Given> };

export type GiveGuideFeedback = Command<
  'GiveGuideFeedback',
  {
    guideId: string;
    customerId: string;
    helpful: boolean;
    /** Whether readers can see the guide now, by the read model: feedback is on what they read. */
    published: boolean;
  }
>;

export type GuideFeedbackState = { status: 'none' } | { status: 'given'; helpful: boolean };

/** One customer's answer about one guide: a stream each, so answers never contend with the guide's edits. */
export const guideFeedbackStream = (guideId: string, customerId: string) =>
  `guide-feedback-${guideId}-${customerId}`;

/**
 * Whether a guide solved a customer's problem: one answer per customer and guide, which they may change;
 * the same answer again changes nothing, so each customer counts once.
 */
export const guideFeedbackDecider: Decider<GiveGuideFeedback, GuideFeedbackEvent, GuideFeedbackState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const { guideId, customerId, helpful, published } = command.data;
    if (!published) throw guideNotFound(guideId);
    if (state.status === 'given' && state.helpful === helpful) return [];
    return [
      {
        type: 'GuideFeedbackGiven',
        data: { guideId, customerId, helpful, givenAt: command.metadata.now },
      },
    ];
  },

  evolve: (_, event) => ({ status: 'given', helpful: event.data.helpful }),
};
