import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@aftersales/contracts/common';
import {
  type DeviceChange,
  type DeviceImport,
  deviceRowSchema,
  type ImportChunk,
  type RejectedRow,
} from '@aftersales/contracts/warranty';
import { type ImportedDevice, ImportRepository } from '@aftersales/warranty-data-access';

const reasonOf = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

/**
 * Device-registry imports, fed in chunks of CSV records: each row is validated on its own, and a rejected
 * row is recorded with its line and reason instead of stopping the import. Valid rows are staged and reach
 * the registry together when the import finishes, so a failed import registers nothing.
 */
@Injectable()
export class DeviceImportService {
  constructor(private readonly imports: ImportRepository) {}

  async start(importId: string, filename: string): Promise<DeviceImport> {
    const started = await this.imports.start(importId, filename);
    if (!started)
      throw new ConflictError(`An import with the id ${importId} exists already`, { code: 'import_exists' });
    return started;
  }

  /** `now` is when the rows arrived: a machine cannot have shipped after it. */
  async addRows({ importId, rows }: ImportChunk, now: string): Promise<DeviceImport> {
    const current = await this.get(importId);
    if (current.status !== 'running')
      throw new ConflictError(`Import ${importId} is ${current.status}`, {
        code: 'import_not_running',
        params: { status: current.status },
      });
    const today = now.slice(0, 10);
    const valid: ImportedDevice[] = [];
    const rejected: RejectedRow[] = [];
    for (const { line, fields } of rows) {
      const parsed = deviceRowSchema.safeParse(fields);
      if (!parsed.success) {
        rejected.push({ line, reason: reasonOf(parsed.error.issues) });
      } else if (parsed.data.shipped_at > today) {
        rejected.push({ line, reason: 'shipped_at: is in the future' });
      } else {
        const row = parsed.data;
        valid.push({
          line,
          sn: row.sn,
          model: row.model,
          shippedOn: row.shipped_at,
          customerRef: row.customer_ref || null,
          orderRef: row.order_ref || null,
        });
      }
    }
    return this.imports.stageChunk(importId, valid, rejected);
  }

  async finish(importId: string, error?: string): Promise<DeviceImport> {
    const finished = await this.imports.finish(importId, error);
    if (!finished) throw new NotFoundError(`No import ${importId}`, { code: 'import_not_found' });
    return finished;
  }

  async get(importId: string): Promise<DeviceImport> {
    const found = await this.imports.find(importId);
    if (!found) throw new NotFoundError(`No import ${importId}`, { code: 'import_not_found' });
    return found;
  }

  history(sn: string): Promise<DeviceChange[]> {
    return this.imports.history(sn);
  }

  async rejections(importId: string): Promise<RejectedRow[]> {
    await this.get(importId);
    return this.imports.rejections(importId);
  }
}
