import { Inject, Injectable } from '@nestjs/common';
import type { DeviceChange, DeviceImport, RejectedRow } from '@aftersales/contracts/warranty';
import {
  DATABASE_CONNECTION,
  type Database,
  type DatabaseConnection,
  rowsOf,
} from '@aftersales/shared-persistence';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { deviceHistory, deviceImports, devices, importRejections, importStagedRows } from './schema.js';

/** A valid row of an import, normalized. */
export interface ImportedDevice {
  line: number;
  sn: string;
  model: string;
  shippedOn: string;
  customerRef: string | null;
  orderRef: string | null;
}

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
   * Stages one chunk in one transaction: valid rows wait for the finish, a second row of an SN is rejected
   * naming the first line, and rejected rows are recorded with their line. The progress counts grow.
   */
  async stageChunk(
    importId: string,
    valid: ImportedDevice[],
    rejected: RejectedRow[],
  ): Promise<DeviceImport> {
    return this.connection.db.transaction(async (tx) => {
      const repeated = await this.stageFirstOfEachSn(tx, importId, valid);
      const allRejected = [...rejected, ...[...repeated].map(([line, reason]) => ({ line, reason }))];
      if (allRejected.length > 0) {
        await tx.insert(importRejections).values(allRejected.map((r) => ({ importId, ...r })));
      }
      const [progress] = await tx
        .update(deviceImports)
        .set({
          processedRows: sql`${deviceImports.processedRows} + ${valid.length + rejected.length}`,
          rejected: sql`${deviceImports.rejected} + ${allRejected.length}`,
        })
        .where(eq(deviceImports.id, importId))
        .returning();
      return toImport(progress!);
    });
  }

  /**
   * Ends a running import. A failed one drops its staged rows; a completed one applies them in one
   * transaction: new SNs are registered, changed ones updated with a history row, unchanged ones left alone.
   */
  async finish(id: string, error?: string): Promise<DeviceImport | undefined> {
    const finished = await this.connection.db.transaction(async (tx) => {
      const [running] = await tx
        .select({ id: deviceImports.id })
        .from(deviceImports)
        .where(and(eq(deviceImports.id, id), eq(deviceImports.status, 'running')))
        .for('update');
      if (!running) return undefined;
      const counts = error ? {} : await this.applyStaged(tx, id);
      await tx.delete(importStagedRows).where(eq(importStagedRows.importId, id));
      const [row] = await tx
        .update(deviceImports)
        .set({
          ...counts,
          status: error ? 'failed' : 'completed',
          finishedAt: new Date(),
          error: error ?? null,
        })
        .where(eq(deviceImports.id, id))
        .returning();
      return row && toImport(row);
    });
    return finished ?? this.find(id);
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

  /** Applies an import's staged rows to the registry, inside the caller's transaction; returns the counts. */
  private async applyStaged(tx: Database, importId: string) {
    const s = importStagedRows;
    const d = devices;
    const ofImport = sql`${s.importId} = ${importId}`;
    const differs = sql`(${d.model}, ${d.shippedOn}, ${d.customerRef}, ${d.orderRef})
      is distinct from (${s.model}, ${s.shippedOn}, ${s.customerRef}, ${s.orderRef})`;
    const fieldsOf = (t: typeof d | typeof s) =>
      sql`jsonb_build_object('model', ${t.model}, 'shippedOn', ${t.shippedOn},
        'customerRef', ${t.customerRef}, 'orderRef', ${t.orderRef})`;
    await tx.execute(sql`
      insert into ${deviceHistory} (sn, import_id, before, after)
      select ${d.sn}, ${importId}, ${fieldsOf(d)}, ${fieldsOf(s)}
      from ${d} join ${s} on ${s.sn} = ${d.sn} and ${ofImport}
      where ${differs}`);
    const updated = rowsOf(
      await tx.execute(sql`
        update ${d} set model = ${s.model}, shipped_on = ${s.shippedOn}, customer_ref = ${s.customerRef},
          order_ref = ${s.orderRef}, updated_at = now()
        from ${s} where ${s.sn} = ${d.sn} and ${ofImport} and ${differs}
        returning ${d.sn}`),
    ).length;
    const inserted = rowsOf(
      await tx.execute(sql`
        insert into ${d} (sn, model, shipped_on, customer_ref, order_ref)
        select sn, model, shipped_on, customer_ref, order_ref from ${s} where ${ofImport}
        on conflict (sn) do nothing
        returning sn`),
    ).length;
    const [{ total }] = rowsOf<{ total: number }>(
      await tx.execute(sql`select count(*)::int as total from ${s} where ${ofImport}`),
    ) as [{ total: number }];
    return { inserted, updated, unchanged: total - inserted - updated };
  }

  /** Stages the first row of each SN; the lines whose SN came earlier, with the reason naming the first line. */
  private async stageFirstOfEachSn(
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
          .insert(importStagedRows)
          .values(candidates.map((d) => ({ importId, ...d })))
          .onConflictDoNothing()
          .returning({ sn: importStagedRows.sn })
      ).map((r) => r.sn),
    );
    const earlier = candidates.filter((d) => !claimed.has(d.sn));
    if (earlier.length > 0) {
      const firstLines = await tx
        .select({ sn: importStagedRows.sn, line: importStagedRows.line })
        .from(importStagedRows)
        .where(
          and(
            eq(importStagedRows.importId, importId),
            inArray(
              importStagedRows.sn,
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
