import { cannedRepliesProjection, consultationsProjection } from '@aftersales/consultation-data-access';
import { rebuildProjections } from '@aftersales/shared-service';

await rebuildProjections('consultation', [consultationsProjection, cannedRepliesProjection]);
