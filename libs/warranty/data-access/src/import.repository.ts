import { Inject, Injectable } from '@nestjs/common';
import type { DeviceChange, DeviceImport, RejectedRow } from '@aftersales/contracts/warranty';
import { DATABASE_CONNECTION, type Database, type DatabaseConnection } from '@aftersales/shared-persistence';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { deviceHistory, deviceImports, devices, importRejections, importSeen } from './schema.js';

/** A valid row of an import, normalized. */
export interface ImportedDevice {
  line: number;
  sn: string;
  model: string;
  shippedOn: string;
  customerRef: string | null;
  orderRef: string | null;
}

type Fields = Omit<ImportedDevice, 'line' | 'sn'>;

const fieldsOf = (d: Fields): Fields => ({
  model: d.model,
  shippedOn: d.shippedOn,
  customerRef: d.customerRef,
  orderRef: d.orderRef,
});

const sameFields = (a: Fields, b: Fields) => JSON.stringify(fieldsOf(a)) === JSON.stringify(fieldsOf(b));

function toImport(row: typeof deviceImports.$inferSelect): DeviceImport {
  return {
    id: row.id,
    filename: row.filename,
    status: row.status,
    processedRows: row.processedRows,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    startedAt: row.startedAt.toISOString(),
    ...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
    ...(row.error ? { error: row.error } : {}),
  };
}

@Injectable()
export class ImportRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  /** Returns undefined when an import with this id exists. */
  async start(id: string, filename: string): Promise<DeviceImport | undefined> {
    const [row] = await this.connection.db
      .insert(deviceImports)
      .values({ id, filename, status: 'running' })
      .onConflictDoNothing()
      .returning();
    return row && toImport(row);
  }

  async find(id: string): Promise<DeviceImport | undefined> {
    const [row] = await this.connection.db.select().from(deviceImports).where(eq(deviceImports.id, id));
    return row && toImport(row);
  }

  /**
   * Applies one chunk in one transaction: new SNs are registered, changed ones updated with a history
   * row, unchanged ones left alone; rejected rows and repeated SNs are recorded with their line.
   */
  async applyChunk(
    importId: string,
    valid: ImportedDevice[],
    rejected: RejectedRow[],
  ): Promise<DeviceImport> {
    return this.connection.db.transaction(async (tx) => {
      const repeated = await this.rejectRepeats(tx, importId, valid);
      const rows = valid.filter((d) => !repeated.has(d.line));
      const allRejected = [...rejected, ...[...repeated].map(([line, reason]) => ({ line, reason }))];
      const existing = new Map(
        rows.length === 0
          ? []
          : (
              await tx
                .select()
                .from(devices)
                .where(
                  inArray(
                    devices.sn,
                    rows.map((d) => d.sn),
                  ),
                )
            ).map((d) => [d.sn, d]),
      );
      const fresh = rows.filter((d) => !existing.has(d.sn));
      const changed = rows.filter((d) => existing.has(d.sn) && !sameFields(existing.get(d.sn)!, d));
      if (fresh.length > 0) {
        await tx.insert(devices).values(fresh.map(({ line: _, ...d }) => d));
      }
      for (const d of changed) {
        await tx
          .update(devices)
          .set({ ...fieldsOf(d), updatedAt: new Date() })
          .where(eq(devices.sn, d.sn));
      }
      if (changed.length > 0) {
        await tx.insert(deviceHistory).values(
          changed.map((d) => ({
            sn: d.sn,
            importId,
            before: fieldsOf(existing.get(d.sn)!),
            after: fieldsOf(d),
          })),
        );
      }
      if (allRejected.length > 0) {
        await tx.insert(importRejections).values(allRejected.map((r) => ({ importId, ...r })));
      }
      const [progress] = await tx
        .update(deviceImports)
        .set({
          processedRows: sql`${deviceImports.processedRows} + ${valid.length + rejected.length}`,
          inserted: sql`${deviceImports.inserted} + ${fresh.length}`,
          updated: sql`${deviceImports.updated} + ${changed.length}`,
          unchanged: sql`${deviceImports.unchanged} + ${rows.length - fresh.length - changed.length}`,
          rejected: sql`${deviceImports.rejected} + ${allRejected.length}`,
        })
        .where(eq(deviceImports.id, importId))
        .returning();
      return toImport(progress!);
    });
  }

  async finish(id: string, error?: string): Promise<DeviceImport | undefined> {
    const { db } = this.connection;
    await db.delete(importSeen).where(eq(importSeen.importId, id));
    const [row] = await db
      .update(deviceImports)
      .set({ status: error ? 'failed' : 'completed', finishedAt: new Date(), error: error ?? null })
      .where(and(eq(deviceImports.id, id), eq(deviceImports.status, 'running')))
      .returning();
    return row ? toImport(row) : this.find(id);
  }

  /** A device's changes by imports, newest first. */
  async history(sn: string): Promise<DeviceChange[]> {
    const rows = await this.connection.db
      .select()
      .from(deviceHistory)
      .where(eq(deviceHistory.sn, sn))
      .orderBy(desc(deviceHistory.id));
    return rows.map((r) => ({
      importId: r.importId,
      changedAt: r.changedAt.toISOString(),
      before: r.before as DeviceChange['before'],
      after: r.after as DeviceChange['after'],
    }));
  }

  async rejections(id: string): Promise<RejectedRow[]> {
    return this.connection.db
      .select({ line: importRejections.line, reason: importRejections.reason })
      .from(importRejections)
      .where(eq(importRejections.importId, id))
      .orderBy(asc(importRejections.line));
  }

  /** Lines whose SN appeared earlier in the same import, with the reason naming the first line. */
  private async rejectRepeats(
    tx: Database,
    importId: string,
    rows: ImportedDevice[],
  ): Promise<Map<number, string>> {
    const repeated = new Map<number, string>();
    const firstInChunk = new Map<string, number>();
    const candidates: ImportedDevice[] = [];
    for (const d of rows) {
      const first = firstInChunk.get(d.sn);
      if (first === undefined) {
        firstInChunk.set(d.sn, d.line);
        candidates.push(d);
      } else {
        repeated.set(d.line, `sn: ${d.sn} appears again (first on line ${first})`);
      }
    }
    if (candidates.length === 0) return repeated;
    const claimed = new Set(
      (
        await tx
          .insert(importSeen)
          .values(candidates.map((d) => ({ importId, sn: d.sn, line: d.line })))
          .onConflictDoNothing()
          .returning({ sn: importSeen.sn })
      ).map((r) => r.sn),
    );
    const earlier = candidates.filter((d) => !claimed.has(d.sn));
    if (earlier.length > 0) {
      const firstLines = await tx
        .select()
        .from(importSeen)
        .where(
          and(
            eq(importSeen.importId, importId),
            inArray(
              importSeen.sn,
              earlier.map((d) => d.sn),
            ),
          ),
        );
      const lineOf = new Map(firstLines.map((r) => [r.sn, r.line]));
      for (const d of earlier) {
        repeated.set(d.line, `sn: ${d.sn} appears again (first on line ${lineOf.get(d.sn)})`);
      }
    }
    return repeated;
  }
}
