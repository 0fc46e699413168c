import { Inject, Injectable } from '@nestjs/common';
import type { RepairPoint, RepairPointInput, RepairPointKind } from '@aftersales/contracts/warranty';
import { EventStore } from '@aftersales/shared-event-store';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { repairPoints } from './schema.js';

function toRepairPoint(row: typeof repairPoints.$inferSelect): RepairPoint {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    country: row.country,
    region: row.region,
    city: row.city,
    address: row.address,
    contact: row.contact,
    phone: row.phone,
    ...(row.email ? { email: row.email } : {}),
    models: row.models,
    ...(row.capacityPerWeek === null ? {} : { capacityPerWeek: row.capacityPerWeek }),
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The service network. Each change of a point and the event announcing it commit in one transaction, so
 * the outbox publishes exactly the changes that were stored.
 */
@Injectable()
export class RepairPointRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async list(filter: { kind?: RepairPointKind; country?: string; region?: string; activeOnly: boolean }) {
    const conditions: SQL[] = [];
    if (filter.kind) conditions.push(eq(repairPoints.kind, filter.kind));
    if (filter.country) conditions.push(eq(repairPoints.country, filter.country));
    // Regions are free text; `near` ignores their case, and so does the filter.
    if (filter.region) conditions.push(sql`lower(${repairPoints.region}) = lower(${filter.region})`);
    if (filter.activeOnly) conditions.push(eq(repairPoints.active, true));
    const rows = await this.connection.db
      .select()
      .from(repairPoints)
      .where(and(...conditions))
      .orderBy(asc(repairPoints.country), asc(repairPoints.region), asc(repairPoints.name));
    return rows.map(toRepairPoint);
  }

  async find(id: string): Promise<RepairPoint | undefined> {
    const [row] = await this.connection.db.select().from(repairPoints).where(eq(repairPoints.id, id));
    return row && toRepairPoint(row);
  }

  /**
   * Registers a new point, or changes the point at `expectedVersion`, and appends the event. Returns
   * undefined when the point is not in the state the caller expected (exists already, or another version).
   */
  async save(
    id: string,
    input: RepairPointInput,
    change: { type: 'RepairPointRegistered' } | { type: 'RepairPointChanged'; expectedVersion: number },
    event: {
      eventId: string;
      metadata: { correlationId: string; causationId: string; actor: string; timestamp: string };
    },
  ): Promise<RepairPoint | undefined> {
    return this.connection.db.transaction(async (tx) => {
      const values = { ...input, email: input.email ?? null, capacityPerWeek: input.capacityPerWeek ?? null };
      const [row] =
        change.type === 'RepairPointRegistered'
          ? await tx
              .insert(repairPoints)
              .values({ id, ...values })
              .onConflictDoNothing()
              .returning()
          : await tx
              .update(repairPoints)
              .set({ ...values, version: sql`${repairPoints.version} + 1`, updatedAt: new Date() })
              .where(and(eq(repairPoints.id, id), eq(repairPoints.version, change.expectedVersion)))
              .returning();
      if (!row) return undefined;
      const point = toRepairPoint(row);
      await new EventStore(tx, 'warranty').append(
        `repair-point-${id}`,
        [{ eventId: event.eventId, type: change.type, data: point, metadata: event.metadata }],
        'any',
      );
      return point;
    });
  }
}
