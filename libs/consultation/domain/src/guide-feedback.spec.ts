import { describe, it } from '@jest/globals';
import { NotFoundError } from '@aftersales/contracts/common';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type GiveGuideFeedback, guideFeedbackDecider, type GuideFeedbackEvent } from './guide-feedback.js';

const spec = DeciderSpecification.for(guideFeedbackDecider);

const GUIDE = '9a1b2c3d-4e5f-4a6b-8c7d-000000000001';
const CUSTOMER = '5d1c2b3a-1111-4aaa-8bbb-000000000001';
const T1 = '2026-11-28T08:00:00.000Z';
const T2 = '2026-11-28T09:00:00.000Z';

const give = (helpful: boolean, published = true): GiveGuideFeedback => ({
  type: 'GiveGuideFeedback',
  data: { guideId: GUIDE, customerId: CUSTOMER, helpful, published },
  metadata: { actor: 'user:x', commandId: 'c', correlationId: 'c', causationId: 'c', now: T2 },
});
const given = (helpful: boolean, givenAt = T1): GuideFeedbackEvent => ({
  type: 'GuideFeedbackGiven',
  data: { guideId: GUIDE, customerId: CUSTOMER, helpful, givenAt },
});

describe('feedback on a guide', () => {
  it('records that the guide solved the customer’s problem', () => {
    spec
      .given([])
      .when(give(true))
      .then([given(true, T2)]);
  });

  it('when the customer said the same before, records nothing: each customer counts once', () => {
    spec
      .given([given(true)])
      .when(give(true))
      .then([]);
  });

  it('when the customer changes their mind, records the new answer', () => {
    spec
      .given([given(false)])
      .when(give(true))
      .then([given(true, T2)]);
  });

  it('when readers cannot see the guide, refuses it as not found', () => {
    spec
      .given([])
      .when(give(true, false))
      .thenThrows(NotFoundError, (e) => e.code === 'guide_not_found');
  });
});
