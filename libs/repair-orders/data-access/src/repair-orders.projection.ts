import { repairOrderEvents } from '@aftersales/contracts/repair-orders';
import { orderStatusOf, type RepairOrderEvent } from '@aftersales/repair-orders-domain';
import type { Projection, RecordedEvent } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { deviceLines, repairOrders, timeline } from './schema.js';
import type { DeviceLineStatus } from '@aftersales/contracts/repair-orders';

async function setLines(
  tx: Database,
  repairOrderId: string,
  deviceOrderNos: string[],
  status: DeviceLineStatus,
) {
  await tx
    .update(deviceLines)
    .set({ status })
    .where(
      and(eq(deviceLines.repairOrderId, repairOrderId), inArray(deviceLines.deviceOrderNo, deviceOrderNos)),
    );
}

async function apply(event: RepairOrderEvent, tx: Database): Promise<void> {
  const { repairOrderId } = event.data;
  switch (event.type) {
    case 'RepairOrderOpened': {
      const { diagnosisCode, consultationId, customerId, lines, openedAt } = event.data;
      await tx
        .insert(repairOrders)
        .values({
          id: repairOrderId,
          diagnosisCode,
          consultationId,
          customerId,
          status: 'awaiting_submission',
          openedAt: new Date(openedAt),
        })
        .onConflictDoNothing();
      await tx
        .insert(deviceLines)
        .values(
          lines.map((line, position) => ({
            ...line,
            position,
            repairOrderId,
            status: 'awaiting_submission',
          })),
        )
        .onConflictDoNothing();
      return;
    }
    case 'MailInSubmitted': {
      const { repairPointId, lines, carrier, trackingNumber, submittedAt } = event.data;
      const at = new Date(submittedAt);
      await tx
        .update(repairOrders)
        .set({
          repairPointId,
          outboundCarrier: carrier,
          outboundTrackingNumber: trackingNumber,
          outboundAt: at,
          submittedAt: at,
        })
        .where(eq(repairOrders.id, repairOrderId));
      const submitted = lines.map((l) => l.deviceOrderNo);
      await tx
        .update(deviceLines)
        .set({ status: 'cancelled' })
        .where(
          and(eq(deviceLines.repairOrderId, repairOrderId), notInArray(deviceLines.deviceOrderNo, submitted)),
        );
      for (const [position, line] of lines.entries()) {
        const values = { ...line, position, repairOrderId, status: 'awaiting_receipt' };
        await tx
          .insert(deviceLines)
          .values(values)
          .onConflictDoUpdate({ target: deviceLines.deviceOrderNo, set: values });
      }
      return;
    }
    case 'OutboundShipmentCorrected': {
      const { carrier, trackingNumber, correctedAt } = event.data;
      await tx
        .update(repairOrders)
        .set({
          outboundCarrier: carrier,
          outboundTrackingNumber: trackingNumber,
          outboundAt: new Date(correctedAt),
        })
        .where(eq(repairOrders.id, repairOrderId));
      return;
    }
    case 'RepairOrderCancelled':
      return setLines(tx, repairOrderId, event.data.deviceOrderNos, 'cancelled');
    case 'DeviceReceived': {
      const { deviceOrderNo, outcome, note } = event.data;
      await tx
        .update(deviceLines)
        .set({ status: outcome, receiptNote: note ?? null })
        .where(eq(deviceLines.deviceOrderNo, deviceOrderNo));
      return;
    }
    case 'RepairProgressRecorded':
      return setLines(tx, repairOrderId, [event.data.deviceOrderNo], event.data.result ?? 'repairing');
    case 'DeviceReturned': {
      const { deviceOrderNos, carrier, trackingNumber, returnedAt } = event.data;
      await tx
        .update(deviceLines)
        .set({
          status: 'returned',
          returnCarrier: carrier,
          returnTrackingNumber: trackingNumber,
          returnedAt: new Date(returnedAt),
        })
        .where(
          and(
            eq(deviceLines.repairOrderId, repairOrderId),
            inArray(deviceLines.deviceOrderNo, deviceOrderNos),
          ),
        );
      return;
    }
    case 'ReturnConfirmed':
      return setLines(tx, repairOrderId, event.data.deviceOrderNos, 'completed');
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

/** The order's status, read again from its lines, and the event as a timeline entry. */
async function recordStep(recorded: RecordedEvent, event: RepairOrderEvent, tx: Database): Promise<void> {
  const { repairOrderId } = event.data;
  const lines = await tx
    .select({ status: deviceLines.status })
    .from(deviceLines)
    .where(eq(deviceLines.repairOrderId, repairOrderId));
  await tx
    .update(repairOrders)
    .set({
      status: orderStatusOf(lines.map((l) => l.status as DeviceLineStatus)),
      version: recorded.version,
      updatedAt: new Date(recorded.metadata.timestamp),
    })
    .where(eq(repairOrders.id, repairOrderId));
  const { repairOrderId: _order, diagnosisCode: _code, ...details } = event.data as Record<string, unknown>;
  await tx
    .insert(timeline)
    .values({
      repairOrderId,
      seq: recorded.version,
      type: event.type,
      at: new Date(recorded.metadata.timestamp),
      actor: recorded.metadata.actor,
      deviceOrderNos: linesOf(event),
      details,
    })
    .onConflictDoNothing();
}

/** Orders, their device lines and their timelines, kept in the transaction that appends the events. */
export const repairOrdersProjection: Projection = {
  name: 'repair_orders',
  canHandle: Object.values(repairOrderEvents).map((e) => e.type),
  async evolve(recorded, tx) {
    const event = recorded as unknown as RepairOrderEvent;
    await apply(event, tx);
    await recordStep(recorded, event, tx);
  },
  async reset(tx) {
    await tx.delete(timeline);
    await tx.delete(deviceLines);
    await tx.delete(repairOrders);
  },
};
