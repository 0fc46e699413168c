import { Inject, Injectable } from '@nestjs/common';
import {
  type DeviceLineStatus,
  type PointOrders,
  type RepairOrder,
  type RepairOrderDetail,
  type RepairOrderStatus,
  type TicketsPage,
  TICKETS_PAGE_SIZE,
  type TicketsQuery,
} from '@aftersales/contracts/repair-orders';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, type SQL } from 'drizzle-orm';
import { deviceLines, repairOrders, timeline } from './schema.js';

type OrderRow = typeof repairOrders.$inferSelect;

/** A line no longer holds its machine once it was never sent, was withdrawn, or came back and was confirmed. */
const settled: DeviceLineStatus[] = ['awaiting_submission', 'cancelled', 'completed'];

/** `%` and `_` typed by a customer are searched for as themselves. */
const literally = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Repair orders with their device lines and timelines, as the read models hold them. */
@Injectable()
export class RepairOrderRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  private get db() {
    return this.connection.db;
  }

  async findByDiagnosisCode(diagnosisCode: string): Promise<RepairOrder | undefined> {
    const [order] = await this.withLines(
      await this.db.select().from(repairOrders).where(eq(repairOrders.diagnosisCode, diagnosisCode)),
    );
    return order;
  }

  async detail(diagnosisCode: string): Promise<RepairOrderDetail | undefined> {
    const order = await this.findByDiagnosisCode(diagnosisCode);
    if (!order) return undefined;
    const entries = await this.db
      .select()
      .from(timeline)
      .where(eq(timeline.repairOrderId, order.id))
      .orderBy(asc(timeline.seq));
    return {
      ...order,
      timeline: entries.map(({ seq, type, at, actor, deviceOrderNos, details }) => ({
        seq,
        type,
        at: at.toISOString(),
        actor,
        deviceOrderNos,
        details,
      })),
    };
  }

  async listForCustomer(customerId: string): Promise<RepairOrder[]> {
    return this.withLines(
      await this.db
        .select()
        .from(repairOrders)
        .where(eq(repairOrders.customerId, customerId))
        .orderBy(desc(repairOrders.openedAt)),
    );
  }

  /** The customer's device lines, one row each as "My tickets" lists them, newest order first. */
  async tickets(customerId: string, { status, q, page }: TicketsQuery): Promise<TicketsPage> {
    const filters: SQL[] = [eq(repairOrders.customerId, customerId)];
    if (status) filters.push(eq(deviceLines.status, status));
    if (q) {
      filters.push(
        or(
          ilike(deviceLines.sn, literally(q)),
          ilike(repairOrders.diagnosisCode, literally(q)),
          ilike(deviceLines.deviceOrderNo, literally(q)),
        )!,
      );
    }
    const where = and(...filters);
    const [{ total } = { total: 0 }] = await this.db
      .select({ total: count() })
      .from(deviceLines)
      .innerJoin(repairOrders, eq(deviceLines.repairOrderId, repairOrders.id))
      .where(where);
    const rows = await this.db
      .select()
      .from(deviceLines)
      .innerJoin(repairOrders, eq(deviceLines.repairOrderId, repairOrders.id))
      .where(where)
      .orderBy(desc(repairOrders.openedAt), asc(repairOrders.id), asc(deviceLines.position))
      .limit(TICKETS_PAGE_SIZE)
      .offset((page - 1) * TICKETS_PAGE_SIZE);
    return {
      rows: rows.map(({ device_lines: line, repair_orders: order }) => ({
        deviceOrderNo: line.deviceOrderNo,
        diagnosisCode: order.diagnosisCode,
        model: line.model,
        sn: line.sn,
        status: line.status as DeviceLineStatus,
        openedAt: order.openedAt.toISOString(),
        ...(order.submittedAt ? { submittedAt: order.submittedAt.toISOString() } : {}),
        ...(line.returnCarrier ? { returnCarrier: line.returnCarrier } : {}),
        ...(line.returnTrackingNumber ? { returnTrackingNumber: line.returnTrackingNumber } : {}),
      })),
      total,
      page,
      pageSize: TICKETS_PAGE_SIZE,
    };
  }

  /** The orders sent to a repair point, oldest submission first, and how many it has in each status. */
  async pointOrders(repairPointId: string, status?: RepairOrderStatus): Promise<PointOrders> {
    const ofPoint = eq(repairOrders.repairPointId, repairPointId);
    const orders = await this.withLines(
      await this.db
        .select()
        .from(repairOrders)
        .where(status ? and(ofPoint, eq(repairOrders.status, status)) : ofPoint)
        .orderBy(asc(repairOrders.submittedAt)),
    );
    const counts = await this.db
      .select({ status: repairOrders.status, count: count() })
      .from(repairOrders)
      .where(ofPoint)
      .groupBy(repairOrders.status);
    return { orders, counts: Object.fromEntries(counts.map((c) => [c.status, c.count])) };
  }

  /** Lines of other orders that hold one of these machines now (sent, at the point, or on the way back). */
  async openLinesOf(sns: string[], exceptOrderId: string): Promise<{ sn: string; diagnosisCode: string }[]> {
    if (sns.length === 0) return [];
    return this.db
      .select({ sn: deviceLines.sn, diagnosisCode: repairOrders.diagnosisCode })
      .from(deviceLines)
      .innerJoin(repairOrders, eq(deviceLines.repairOrderId, repairOrders.id))
      .where(
        and(
          inArray(deviceLines.sn, sns),
          notInArray(deviceLines.status, settled),
          notInArray(repairOrders.id, [exceptOrderId]),
        ),
      );
  }

  private async withLines(orders: OrderRow[]): Promise<RepairOrder[]> {
    if (orders.length === 0) return [];
    const lines = await this.db
      .select()
      .from(deviceLines)
      .where(
        inArray(
          deviceLines.repairOrderId,
          orders.map((o) => o.id),
        ),
      )
      .orderBy(asc(deviceLines.position), asc(deviceLines.sn));
    return orders.map((order) => ({
      id: order.id,
      diagnosisCode: order.diagnosisCode,
      consultationId: order.consultationId,
      customerId: order.customerId,
      status: order.status as RepairOrderStatus,
      version: order.version,
      openedAt: order.openedAt.toISOString(),
      ...(order.submittedAt ? { submittedAt: order.submittedAt.toISOString() } : {}),
      ...(order.repairPointId ? { repairPointId: order.repairPointId } : {}),
      ...(order.outboundCarrier && order.outboundTrackingNumber && order.outboundAt
        ? {
            outboundShipment: {
              carrier: order.outboundCarrier,
              trackingNumber: order.outboundTrackingNumber,
              at: order.outboundAt.toISOString(),
            },
          }
        : {}),
      lines: lines
        .filter((line) => line.repairOrderId === order.id)
        .map((line) => ({
          deviceOrderNo: line.deviceOrderNo,
          sn: line.sn,
          model: line.model,
          status: line.status as DeviceLineStatus,
          ...(line.fault ? { fault: line.fault } : {}),
          photos: line.photos,
          ...(line.receiptNote ? { receiptNote: line.receiptNote } : {}),
          receiptPhotos: line.receiptPhotos,
          ...(line.returnCarrier && line.returnTrackingNumber && line.returnedAt
            ? {
                returnShipment: {
                  carrier: line.returnCarrier,
                  trackingNumber: line.returnTrackingNumber,
                  at: line.returnedAt.toISOString(),
                },
              }
            : {}),
        })),
    }));
  }
}
