import { logisticsProjection } from '@aftersales/logistics-data-access';
import { rebuildProjections } from '@aftersales/shared-service';

await rebuildProjections('logistics', [logisticsProjection]);
