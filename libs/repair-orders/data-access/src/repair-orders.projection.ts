import { type DeviceLineStatus, repairOrderEvents } from '@aftersales/contracts/repair-orders';
import { orderStatusOf, type RepairOrderEvent } from '@aftersales/repair-orders-domain';
import type { Projection, RecordedEvent } from '@aftersales/shared-event-store';
import { type Database, insertJsonRows } from '@aftersales/shared-persistence';
import { inArray } from 'drizzle-orm';
import { deviceLines, repairOrders, timeline } from './schema.js';

type OrderRow = typeof repairOrders.$inferInsert;
type LineRow = typeof deviceLines.$inferInsert;
type TimelineRow = typeof timeline.$inferInsert;

/** The rows a batch of events touches, read once, changed in memory, written back once. */
interface Rows {
  orders: Map<string, OrderRow>;
  lines: Map<string, LineRow>;
  timeline: TimelineRow[];
}

function linesOfOrder(rows: Rows, repairOrderId: string): LineRow[] {
  return [...rows.lines.values()].filter((line) => line.repairOrderId === repairOrderId);
}

function setLines(rows: Rows, deviceOrderNos: readonly string[], change: Partial<LineRow>): void {
  for (const deviceOrderNo of deviceOrderNos) {
    const line = rows.lines.get(deviceOrderNo);
    if (line) Object.assign(line, change);
  }
}

function apply(event: RepairOrderEvent, rows: Rows): void {
  const { repairOrderId } = event.data;
  const order = rows.orders.get(repairOrderId);
  switch (event.type) {
    case 'RepairOrderOpened': {
      if (order) return;
      const { diagnosisCode, consultationId, customerId, lines, openedAt } = event.data;
      rows.orders.set(repairOrderId, {
        id: repairOrderId,
        diagnosisCode,
        consultationId,
        customerId,
        status: 'awaiting_submission',
        openedAt: new Date(openedAt),
      });
      lines.forEach((line, position) =>
        rows.lines.set(line.deviceOrderNo, {
          ...line,
          position,
          repairOrderId,
          status: 'awaiting_submission',
          photos: [],
          receiptPhotos: [],
        }),
      );
      return;
    }
    case 'MailInSubmitted': {
      const { repairPointId, lines, carrier, trackingNumber, submittedAt } = event.data;
      const at = new Date(submittedAt);
      Object.assign(order!, {
        repairPointId,
        outboundCarrier: carrier,
        outboundTrackingNumber: trackingNumber,
        outboundAt: at,
        submittedAt: at,
      });
      const submitted = new Set(lines.map((l) => l.deviceOrderNo));
      for (const line of linesOfOrder(rows, repairOrderId)) {
        if (!submitted.has(line.deviceOrderNo)) line.status = 'cancelled';
      }
      lines.forEach((line, position) =>
        rows.lines.set(line.deviceOrderNo, {
          receiptPhotos: [],
          ...rows.lines.get(line.deviceOrderNo),
          ...line,
          photos: line.photos ?? [],
          position,
          repairOrderId,
          status: 'awaiting_receipt',
        }),
      );
      return;
    }
    case 'OutboundShipmentCorrected':
      Object.assign(order!, {
        outboundCarrier: event.data.carrier,
        outboundTrackingNumber: event.data.trackingNumber,
        outboundAt: new Date(event.data.correctedAt),
      });
      return;
    case 'RepairOrderCancelled':
      return setLines(rows, event.data.deviceOrderNos, { status: 'cancelled' });
    case 'DeviceReceived':
      return setLines(rows, [event.data.deviceOrderNo], {
        status: event.data.outcome,
        receiptNote: event.data.note ?? null,
        receiptPhotos: event.data.photos ?? [],
      });
    case 'RepairProgressRecorded':
      return setLines(rows, [event.data.deviceOrderNo], { status: event.data.result ?? 'repairing' });
    case 'DeviceReturned':
      return setLines(rows, event.data.deviceOrderNos, {
        status: 'returned',
        returnCarrier: event.data.carrier,
        returnTrackingNumber: event.data.trackingNumber,
        returnedAt: new Date(event.data.returnedAt),
      });
    case 'ReturnConfirmed':
      return setLines(rows, event.data.deviceOrderNos, { status: 'completed' });
    case 'OutboundParcelDelivered':
      return;
  }
}

/** The lines an event is about, for the timeline's filter per device. */
function linesOf(event: RepairOrderEvent): string[] {
  const data = event.data as {
    deviceOrderNo?: string;
    deviceOrderNos?: string[];
    lines?: { deviceOrderNo: string }[];
  };
  if (data.deviceOrderNo) return [data.deviceOrderNo];
  return data.deviceOrderNos ?? data.lines?.map((l) => l.deviceOrderNo) ?? [];
}

/**
 * Applies events to orders, their lines and their timelines: the rows they touch are read in two queries,
 * changed in memory in event order (each order's status read again from its lines), and written back in
 * three statements, however many events there are. Every row is whole (read, or made whole by its first
 * event), as the JSON write requires.
 */
async function applyEvents(recorded: readonly RecordedEvent[], tx: Database): Promise<void> {
  const events = recorded as unknown as (RecordedEvent & RepairOrderEvent)[];
  const ids = [...new Set(events.map((e) => e.data.repairOrderId))];
  const [orders, lines] = await Promise.all([
    tx.select().from(repairOrders).where(inArray(repairOrders.id, ids)),
    tx.select().from(deviceLines).where(inArray(deviceLines.repairOrderId, ids)),
  ]);
  const rows: Rows = {
    orders: new Map(orders.map((o) => [o.id, o])),
    lines: new Map(lines.map((l) => [l.deviceOrderNo, l])),
    timeline: [],
  };
  for (const event of events) {
    const {
      repairOrderId,
      diagnosisCode: _code,
      ...details
    } = event.data as RepairOrderEvent['data'] & {
      diagnosisCode: string;
    };
    apply(event, rows);
    const order = rows.orders.get(repairOrderId)!;
    order.status = orderStatusOf(linesOfOrder(rows, repairOrderId).map((l) => l.status as DeviceLineStatus));
    order.version = event.version;
    order.updatedAt = new Date(event.metadata.timestamp);
    rows.timeline.push({
      repairOrderId,
      seq: event.version,
      type: event.type,
      at: new Date(event.metadata.timestamp),
      actor: event.metadata.actor,
      deviceOrderNos: linesOf(event),
      details,
    });
  }
  await tx.execute(insertJsonRows(repairOrders, [...rows.orders.values()], { overwriteOn: repairOrders.id }));
  if (rows.lines.size > 0) {
    await tx.execute(
      insertJsonRows(deviceLines, [...rows.lines.values()], { overwriteOn: deviceLines.deviceOrderNo }),
    );
  }
  await tx.execute(insertJsonRows(timeline, rows.timeline, { doNothing: true }));
}

/** Orders, their device lines and their timelines, kept in the transaction that appends the events. */
export const repairOrdersProjection: Projection = {
  name: 'repair_orders',
  canHandle: Object.values(repairOrderEvents).map((e) => e.type),
  evolve: (event, tx) => applyEvents([event], tx),
  evolveBatch: applyEvents,
  async reset(tx) {
    await tx.delete(timeline);
    await tx.delete(deviceLines);
    await tx.delete(repairOrders);
  },
};
