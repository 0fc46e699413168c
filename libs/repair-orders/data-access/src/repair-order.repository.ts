import { Inject, Injectable } from '@nestjs/common';
import type { DeviceLineStatus, RepairOrder, RepairOrderStatus } from '@aftersales/contracts/repair-orders';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { deviceLines, repairOrders } from './schema.js';

/** Repair orders with their device lines, as the read models hold them. */
@Injectable()
export class RepairOrderRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async findByDiagnosisCode(diagnosisCode: string): Promise<RepairOrder | undefined> {
    const [order] = await this.withLines(
      await this.connection.db
        .select()
        .from(repairOrders)
        .where(eq(repairOrders.diagnosisCode, diagnosisCode)),
    );
    return order;
  }

  async listForCustomer(customerId: string): Promise<RepairOrder[]> {
    return this.withLines(
      await this.connection.db
        .select()
        .from(repairOrders)
        .where(eq(repairOrders.customerId, customerId))
        .orderBy(desc(repairOrders.openedAt)),
    );
  }

  private async withLines(orders: (typeof repairOrders.$inferSelect)[]): Promise<RepairOrder[]> {
    if (orders.length === 0) return [];
    const lines = await this.connection.db
      .select()
      .from(deviceLines)
      .where(
        inArray(
          deviceLines.repairOrderId,
          orders.map((o) => o.id),
        ),
      )
      .orderBy(asc(deviceLines.sn));
    return orders.map((order) => ({
      id: order.id,
      diagnosisCode: order.diagnosisCode,
      consultationId: order.consultationId,
      customerId: order.customerId,
      status: order.status as RepairOrderStatus,
      openedAt: order.openedAt.toISOString(),
      lines: lines
        .filter((line) => line.repairOrderId === order.id)
        .map(({ deviceOrderNo, sn, model, status }) => ({
          deviceOrderNo,
          sn,
          model,
          status: status as DeviceLineStatus,
        })),
    }));
  }
}
