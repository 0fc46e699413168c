import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@aftersales/contracts/common';
import type { Author } from '@aftersales/contracts/consultation';
import type { RepairOrder } from '@aftersales/contracts/repair-orders';
import { RepairOrderRepository } from '@aftersales/repair-orders-data-access';

/** Repair orders as customers and support read them. */
@Injectable()
export class RepairOrdersService {
  constructor(private readonly readModel: RepairOrderRepository) {}

  /** Another customer's order answers like a missing one. */
  async get(diagnosisCode: string, viewer: Author): Promise<RepairOrder> {
    const order = await this.readModel.findByDiagnosisCode(diagnosisCode);
    if (!order || (viewer.kind === 'customer' && order.customerId !== viewer.userId)) {
      throw new NotFoundError(`No repair order ${diagnosisCode}`, {
        code: 'repair_order_not_found',
        params: { diagnosisCode },
      });
    }
    return order;
  }

  listForCustomer(customerId: string): Promise<RepairOrder[]> {
    return this.readModel.listForCustomer(customerId);
  }
}
