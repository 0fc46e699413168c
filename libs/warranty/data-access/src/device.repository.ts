import { Inject, Injectable } from '@nestjs/common';
import type { WarrantyPolicy } from '@aftersales/contracts/warranty';
import {
  DATABASE_CONNECTION,
  type DatabaseConnection,
  executePrepared,
} from '@aftersales/shared-persistence';
import type { Device, Extension } from '@aftersales/warranty-domain';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { devices, warrantyExtensions, warrantyPolicies } from './schema.js';

/** A device with what its warranty is computed from; `policyMonths` is absent when its model has no policy. */
export interface RegisteredDevice extends Device {
  policyMonths?: number;
  extensions: Extension[];
}

interface DeviceRow extends Device {
  policyMonths: number | null;
  extensions: Extension[];
}

/** Also sent, word for word, by the warranty benchmark's bare baseline. */
export const FIND_BY_SN_SQL = `select d.sn, d.model, d.shipped_on::text as "shippedOn", p.months as "policyMonths",
  coalesce((select json_agg(json_build_object('months', e.months, 'reason', e.reason,
      'grantedAt', to_char(e.granted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by e.granted_at)
    from warranty.warranty_extensions e where e.sn = d.sn), '[]') as extensions
from warranty.devices d left join warranty.warranty_policies p on p.model = d.model
where d.sn = $1`;

const [beforeSn, afterSn] = FIND_BY_SN_SQL.split('$1') as [string, string];
const findBySnSql = (sn: string) => sql`${sql.raw(beforeSn)}${sn}${sql.raw(afterSn)}`;

@Injectable()
export class DeviceRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** The lookup every customer starts with: the device, its policy and its extensions in one round trip. */
  async findBySn(sn: string): Promise<RegisteredDevice | undefined> {
    const [row] = await executePrepared<DeviceRow>(
      this.connection.db,
      'warranty_find_by_sn',
      findBySnSql(sn),
    );
    if (!row) return undefined;
    const { policyMonths, ...device } = row;
    return { ...device, ...(policyMonths === null ? {} : { policyMonths }) };
  }

  /** Devices by SN, each with its model's policy and its extensions, in three queries for any count. */
  async findBySns(sns: string[]): Promise<Map<string, RegisteredDevice>> {
    const { db } = this.connection;
    const found = new Map<string, RegisteredDevice>();
    if (sns.length === 0) return found;
    const rows = await db
      .select({
        sn: devices.sn,
        model: devices.model,
        shippedOn: devices.shippedOn,
        policyMonths: warrantyPolicies.months,
      })
      .from(devices)
      .leftJoin(warrantyPolicies, eq(warrantyPolicies.model, devices.model))
      .where(inArray(devices.sn, sns));
    for (const { policyMonths, ...device } of rows) {
      found.set(device.sn, { ...device, ...(policyMonths === null ? {} : { policyMonths }), extensions: [] });
    }
    if (found.size === 0) return found;
    const extensions = await db
      .select()
      .from(warrantyExtensions)
      .where(inArray(warrantyExtensions.sn, [...found.keys()]))
      .orderBy(asc(warrantyExtensions.grantedAt));
    for (const e of extensions) {
      found
        .get(e.sn)!
        .extensions.push({ months: e.months, reason: e.reason, grantedAt: e.grantedAt.toISOString() });
    }
    return found;
  }

  /** Registers devices not yet known; known SNs are left as they are. Returns how many were new. */
  async registerNew(records: Device[]): Promise<number> {
    if (records.length === 0) return 0;
    const inserted = await this.connection.db
      .insert(devices)
      .values(records)
      .onConflictDoNothing()
      .returning({ sn: devices.sn });
    return inserted.length;
  }

  /** Grants an extension once per id: the same id again changes nothing. */
  async grantExtension(extension: {
    id: string;
    sn: string;
    months: number;
    reason: string;
    grantedBy: string;
  }): Promise<void> {
    await this.connection.db.insert(warrantyExtensions).values(extension).onConflictDoNothing();
  }

  async listPolicies(): Promise<WarrantyPolicy[]> {
    return this.connection.db
      .select({ model: warrantyPolicies.model, months: warrantyPolicies.months })
      .from(warrantyPolicies)
      .orderBy(asc(warrantyPolicies.model));
  }

  async setPolicy(policy: WarrantyPolicy): Promise<void> {
    await this.connection.db
      .insert(warrantyPolicies)
      .values(policy)
      .onConflictDoUpdate({
        target: warrantyPolicies.model,
        set: { months: policy.months, updatedAt: new Date() },
      });
  }

  /** Sets the policies of models that have none yet. */
  async setMissingPolicies(policies: WarrantyPolicy[]): Promise<void> {
    await this.connection.db.insert(warrantyPolicies).values(policies).onConflictDoNothing();
  }
}
