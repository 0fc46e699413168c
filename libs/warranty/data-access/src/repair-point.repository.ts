import { Inject, Injectable } from '@nestjs/common';
import type { RepairPoint, RepairPointKind } from '@aftersales/contracts/warranty';
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

/** The service network as its read model holds it (see `repairPointsProjection`). */
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
}
