import { Inject, Injectable } from '@nestjs/common';
import type { Carrier, CheckDigitScheme, ShipmentView } from '@aftersales/contracts/logistics';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { carriers, checkpoints, shipments, webhookEvents } from './schema.js';

type ShipmentRow = typeof shipments.$inferSelect;

/** Carriers and shipments as the read models hold them. */
@Injectable()
export class LogisticsRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  private get db() {
    return this.connection.db;
  }

  async carriers(includeInactive = false): Promise<Carrier[]> {
    const rows = await this.db
      .select()
      .from(carriers)
      .where(includeInactive ? undefined : eq(carriers.active, true))
      .orderBy(asc(carriers.code));
    return rows.map(({ checkDigit, aftershipSlug, ...carrier }) => ({
      ...carrier,
      ...(checkDigit ? { checkDigit: checkDigit as CheckDigitScheme } : {}),
      ...(aftershipSlug ? { aftershipSlug } : {}),
    }));
  }

  async carrier(code: string): Promise<Carrier | undefined> {
    return (await this.carriers(true)).find((c) => c.code === code);
  }

  async shipment(id: string): Promise<(ShipmentView & { customerId: string }) | undefined> {
    const [row] = await this.withCheckpoints(
      await this.db.select().from(shipments).where(eq(shipments.id, id)),
    );
    return row;
  }

  async ofOrder(diagnosisCode: string): Promise<(ShipmentView & { customerId: string })[]> {
    return this.withCheckpoints(
      await this.db
        .select()
        .from(shipments)
        .where(eq(shipments.diagnosisCode, diagnosisCode))
        .orderBy(asc(shipments.createdAt)),
    );
  }

  /** The shipments that travel under this number, of any customer but the one named. */
  async usedByOthers(trackingNumber: string, customerId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: shipments.id })
      .from(shipments)
      .where(and(eq(shipments.trackingNumber, trackingNumber), ne(shipments.customerId, customerId)))
      .limit(1);
    return row !== undefined;
  }

  async byNumber(trackingNumber: string, carrierCodes?: string[]): Promise<ShipmentRow[]> {
    const ofNumber = eq(shipments.trackingNumber, trackingNumber);
    return this.db
      .select()
      .from(shipments)
      .where(carrierCodes ? and(ofNumber, inArray(shipments.carrier, carrierCodes)) : ofNumber);
  }

  async seen(provider: string, eventId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ eventId: webhookEvents.eventId })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.provider, provider), eq(webhookEvents.eventId, eventId)));
    return row !== undefined;
  }

  /** Notes a push as taken, after its checkpoints are recorded: a push that failed may come again. */
  async recordReceipt(provider: string, eventId: string, receivedAt: Date): Promise<void> {
    await this.db.insert(webhookEvents).values({ provider, eventId, receivedAt }).onConflictDoNothing();
  }

  private async withCheckpoints(rows: ShipmentRow[]): Promise<(ShipmentView & { customerId: string })[]> {
    if (rows.length === 0) return [];
    const [allCarriers, points] = await Promise.all([
      this.carriers(true),
      this.db
        .select()
        .from(checkpoints)
        .where(
          inArray(
            checkpoints.shipmentId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(checkpoints.at)),
    ]);
    return rows.map((row) => {
      const carrier = allCarriers.find((c) => c.code === row.carrier);
      return {
        id: row.id,
        direction: row.direction as ShipmentView['direction'],
        repairOrderId: row.repairOrderId,
        diagnosisCode: row.diagnosisCode,
        customerId: row.customerId,
        repairPointId: row.repairPointId,
        deviceOrderNos: row.deviceOrderNos,
        carrier: row.carrier,
        trackingNumber: row.trackingNumber,
        ...(carrier
          ? { trackingLink: carrier.trackingUrl.replace('{number}', encodeURIComponent(row.trackingNumber)) }
          : {}),
        status: row.status as ShipmentView['status'],
        createdAt: row.createdAt.toISOString(),
        ...(row.deliveredAt ? { deliveredAt: row.deliveredAt.toISOString() } : {}),
        version: row.version,
        checkpoints: points
          .filter((p) => p.shipmentId === row.id)
          .map((p) => ({
            checkpointId: p.checkpointId,
            status: p.status as ShipmentView['status'],
            at: p.at.toISOString(),
            ...(p.location ? { location: p.location } : {}),
            description: p.description,
            source: p.source as 'aftership' | 'manual',
          })),
      };
    });
  }
}
