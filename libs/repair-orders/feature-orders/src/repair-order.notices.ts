import { Inject, Injectable, Logger } from '@nestjs/common';
import { type RepairOrderDetail, repairOrderNotices } from '@aftersales/contracts/repair-orders';
import { BROADCASTS, type Broadcasts } from '@aftersales/shared-messaging';

/** Tells every gateway how an order looks after a change, for the pages that follow it. */
@Injectable()
export class RepairOrderNotices {
  private readonly logger = new Logger(RepairOrderNotices.name);

  constructor(@Inject(BROADCASTS) private readonly broadcasts: Broadcasts) {}

  /** The change is made by now: a lost notice costs a page its live update, which a reload brings back. */
  async changed(order: RepairOrderDetail): Promise<void> {
    try {
      await this.broadcasts.broadcast(repairOrderNotices.changed, { order });
    } catch (error) {
      this.logger.warn(`Notice of repair order ${order.diagnosisCode} not sent: ${String(error)}`);
    }
  }
}
