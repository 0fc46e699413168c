import 'reflect-metadata';
import { RepairOrdersModule } from '@aftersales/repair-orders-feature-orders';
import { runService } from '@aftersales/shared-service';

await runService('repair-orders', RepairOrdersModule);
