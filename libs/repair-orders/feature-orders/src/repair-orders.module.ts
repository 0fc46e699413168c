import { Module } from '@nestjs/common';
import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import { RepairOrderRepository, repairOrdersMigrations } from '@aftersales/repair-orders-data-access';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import { ActorNames } from './actor-names.js';
import { conversionConsumer } from './conversion.consumer.js';
import { deliveryConsumer } from './delivery.consumer.js';
import { RepairOrderNotices } from './repair-order.notices.js';
import { RepairOrdersMsController } from './repair-orders.ms.controller.js';
import { RepairOrdersService } from './repair-orders.service.js';

/**
 * The repair-orders service, event-sourced on the kit: it opens an order for every converted consultation
 * (a consumer of the consultation service's events) and answers orders over the bus.
 */
@Module({
  imports: [
    EventSourcedServiceModule.register({
      service: 'repair-orders',
      migrations: repairOrdersMigrations,
      publishes: Object.values(repairOrderEvents),
      consumers: [conversionConsumer, deliveryConsumer],
    }),
  ],
  controllers: [RepairOrdersMsController],
  providers: [RepairOrderRepository, ActorNames, RepairOrderNotices, RepairOrdersService],
})
export class RepairOrdersModule {}
