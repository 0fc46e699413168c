import { repairOrdersProjection } from '@aftersales/repair-orders-data-access';
import { rebuildProjections } from '@aftersales/shared-service';

await rebuildProjections('repair-orders', [repairOrdersProjection]);
