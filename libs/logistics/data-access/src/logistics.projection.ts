import { logisticsEvents } from '@aftersales/contracts/logistics';
import type { CarrierEvent, ShipmentEvent } from '@aftersales/logistics-domain';
import type { Projection, RecordedEvent } from '@aftersales/shared-event-store';
import type { Database } from '@aftersales/shared-persistence';
import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { carriers, checkpoints, shipments } from './schema.js';

async function apply(recorded: RecordedEvent, tx: Database): Promise<void> {
  const event = recorded as unknown as CarrierEvent | ShipmentEvent;
  switch (event.type) {
    case 'CarrierRegistered':
    case 'CarrierChanged': {
      const { code, carrier } = event.data;
      const row = {
        ...carrier,
        checkDigit: carrier.checkDigit ?? null,
        aftershipSlug: carrier.aftershipSlug ?? null,
        version: recorded.version,
      };
      await tx
        .insert(carriers)
        .values({ code, ...row })
        .onConflictDoUpdate({ target: carriers.code, set: row });
      return;
    }
    case 'ShipmentCreated': {
      const { shipmentId, createdAt, ...shipment } = event.data;
      await tx
        .insert(shipments)
        .values({
          id: shipmentId,
          ...shipment,
          status: 'created',
          createdAt: new Date(createdAt),
          version: recorded.version,
        })
        .onConflictDoNothing();
      return;
    }
    case 'ShipmentCorrected': {
      const { shipmentId, carrier, trackingNumber } = event.data;
      await tx
        .update(shipments)
        .set({ carrier, trackingNumber, version: recorded.version })
        .where(eq(shipments.id, shipmentId));
      return;
    }
    case 'CheckpointRecorded': {
      const { shipmentId, checkpointId, status, at, location, description, source } = event.data;
      const when = new Date(at);
      await tx
        .insert(checkpoints)
        .values({
          shipmentId,
          checkpointId,
          status,
          at: when,
          location: location ?? null,
          description,
          source,
        })
        .onConflictDoNothing();
      await tx.update(shipments).set({ version: recorded.version }).where(eq(shipments.id, shipmentId));
      // The latest checkpoint by its own time says where the parcel is, whatever order they arrived in.
      await tx
        .update(shipments)
        .set({ status, latestAt: when })
        .where(
          and(eq(shipments.id, shipmentId), or(isNull(shipments.latestAt), lte(shipments.latestAt, when))),
        );
      return;
    }
    case 'ShipmentDelivered':
      await tx
        .update(shipments)
        .set({ deliveredAt: new Date(event.data.deliveredAt), version: recorded.version })
        .where(eq(shipments.id, event.data.shipmentId));
      return;
  }
}

/** Carriers, shipments and their checkpoints, kept in the transaction that appends the events. */
export const logisticsProjection: Projection = {
  name: 'logistics',
  canHandle: Object.values(logisticsEvents).map((e) => e.type),
  evolve: apply,
  async reset(tx) {
    await tx.delete(checkpoints);
    await tx.delete(shipments);
    await tx.delete(carriers);
  },
};
