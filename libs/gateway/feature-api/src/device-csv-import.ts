import { Injectable } from '@nestjs/common';
import { type CommandMetadata, InvalidError } from '@aftersales/contracts/common';
import {
  DEVICE_CSV_COLUMNS,
  type DeviceImport,
  type ImportChunk,
  warrantyMessages,
} from '@aftersales/contracts/warranty';
import { ServiceClient, ServiceError } from '@aftersales/shared-messaging';
import { parse } from 'csv-parse';
import type { FastifyRequest } from 'fastify';

const CHUNK_ROWS = 1_000;
const REQUIRED = ['sn', 'model', 'shipped_at'];

/** Checks the header line; the names become the records' keys. */
function columns(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(DEVICE_CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(
      `The header must name ${REQUIRED.join(', ')} and may add customer_ref, order_ref` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (unknown.length ? `; unknown: ${unknown.join(', ')}` : ''),
    );
  }
  return names;
}

/**
 * Streams an uploaded CSV into the warranty service in chunks, so that a file of any size needs only one
 * chunk of memory, and the import's progress grows while the upload runs.
 */
@Injectable()
export class DeviceCsvImport {
  constructor(private readonly services: ServiceClient) {}

  async run(importId: string, request: FastifyRequest, metadata: CommandMetadata): Promise<DeviceImport> {
    if (!request.isMultipart()) {
      throw new InvalidError('file: send the CSV as multipart/form-data in the field "file"');
    }
    const file = await request.file();
    if (!file || file.fieldname !== 'file') {
      throw new InvalidError('file: send the CSV as multipart/form-data in the field "file"');
    }
    await this.services.request(
      warrantyMessages.startImport,
      {
        importId,
        // The registry keeps 255 characters of a name; the end (with the extension) is the telling part.
        filename: (file.filename || 'devices.csv').slice(-255),
      },
      metadata,
    );
    try {
      const records = file.file.pipe(
        parse({
          columns,
          info: true,
          bom: true,
          trim: true,
          skip_empty_lines: true,
          relax_column_count: true,
        }),
      );
      let rows: ImportChunk['rows'] = [];
      for await (const { record, info } of records as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        rows.push({ line: info.lines, fields: record });
        if (rows.length === CHUNK_ROWS) {
          await this.services.request(warrantyMessages.importRows, { importId, rows }, metadata);
          rows = [];
        }
      }
      if (rows.length > 0)
        await this.services.request(warrantyMessages.importRows, { importId, rows }, metadata);
      if (file.file.truncated) throw new Error('The file is larger than the 64 MB an import takes');
    } catch (error) {
      // Whatever stopped it, the import ends as failed rather than staying "running".
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await this.services.request(warrantyMessages.finishImport, { importId, error: message }, metadata);
      if (error instanceof ServiceError) throw error;
      throw new InvalidError(`file: ${message}`);
    }
    return this.services.request(warrantyMessages.finishImport, { importId }, metadata);
  }
}
