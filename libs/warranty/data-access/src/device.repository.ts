import { fileURLToPath } from 'node:url';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { eq } from 'drizzle-orm';
import { devices } from './schema.js';

export interface DeviceRecord {
  sn: string;
  model: string;
  shippedOn: string;
  warrantyEndsOn: string;
}

export const warrantyMigrations = {
  folder: fileURLToPath(new URL('../migrations', import.meta.url)),
  schema: 'warranty',
};

@Injectable()
export class DeviceRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  async findBySn(sn: string): Promise<DeviceRecord | undefined> {
    const [row] = await this.connection.db
      .select({
        sn: devices.sn,
        model: devices.model,
        shippedOn: devices.shippedOn,
        warrantyEndsOn: devices.warrantyEndsOn,
      })
      .from(devices)
      .where(eq(devices.sn, sn));
    return row;
  }

  /** Registers devices not yet known; known SNs are left as they are. Returns how many were new. */
  async registerNew(records: DeviceRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const inserted = await this.connection.db
      .insert(devices)
      .values(records)
      .onConflictDoNothing()
      .returning({ sn: devices.sn });
    return inserted.length;
  }
}
