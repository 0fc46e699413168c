import {
  cannedRepliesProjection,
  consultationsProjection,
  guideFeedbackProjection,
  guidesProjection,
} from '@aftersales/consultation-data-access';
import { rebuildProjections } from '@aftersales/shared-service';

await rebuildProjections('consultation', [
  consultationsProjection,
  cannedRepliesProjection,
  guidesProjection,
  guideFeedbackProjection,
]);
