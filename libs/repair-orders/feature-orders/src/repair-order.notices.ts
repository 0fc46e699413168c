import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type RepairOrderDetail, repairOrderNotices } from '@aftersales/contracts/repair-orders';
import { RepairOrderRepository } from '@aftersales/repair-orders-data-access';
import { BROADCASTS, type Broadcasts } from '@aftersales/shared-messaging';
import { ActorNames } from './actor-names.js';
import { orderChanges } from './order-changes.js';

/**
 * Tells every gateway how an order looks after a change, for the pages that follow it: after each command,
 * and after each change a delivery report made.
 */
@Injectable()
export class RepairOrderNotices implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RepairOrderNotices.name);
  private stop?: () => void;

  constructor(
    private readonly readModel: RepairOrderRepository,
    private readonly actorNames: ActorNames,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
  ) {}

  onModuleInit(): void {
    this.stop = orderChanges.listen(async (diagnosisCode) => {
      const order = await this.readModel.detail(diagnosisCode);
      if (order) await this.changed(await this.actorNames.named(order));
    });
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** The change is made by now: a lost notice costs a page its live update, which a reload brings back. */
  async changed(order: RepairOrderDetail): Promise<void> {
    try {
      await this.broadcasts.broadcast(repairOrderNotices.changed, { order });
    } catch (error) {
      this.logger.warn(`Notice of repair order ${order.diagnosisCode} not sent: ${String(error)}`);
    }
  }
}
