import { repairOrdersProjection } from '@aftersales/repair-orders-data-access';
import {
  type RepairOrderCommand,
  repairOrderDecider,
  type RepairOrderEvent,
  type RepairOrderState,
} from '@aftersales/repair-orders-domain';
import { CommandHandler, type EventStore } from '@aftersales/shared-event-store';

/** Commands on repair orders, with the order read models kept in the transaction of the append. */
export const orderCommandsOf = (store: EventStore) =>
  new CommandHandler<RepairOrderCommand, RepairOrderEvent, RepairOrderState>(store, repairOrderDecider, [
    repairOrdersProjection,
  ]);
