import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  DEVICE_CSV_COLUMNS,
  type DeviceImport,
  type ImportChunk,
  warrantyMessages,
} from '@aftersales/contracts/warranty';
import { ServiceClient, ServiceError } from '@aftersales/shared-messaging';
import { CsvError, parse } from 'csv-parse';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options.js';
import { UploadRefused } from './upload-refused.js';

const CHUNK_ROWS = 1_000;
const REQUIRED = ['sn', 'model', 'shipped_at'];
/** The longest row a registry CSV may have; a real one is under 400 characters. */
export const MAX_RECORD_CHARACTERS = 1_000;
/** Room for the multipart envelope around the file when the declared length is checked up front. */
const ENVELOPE_BYTES = 16 * 1024;

/** Checks the header line; the names become the records' keys. */
function columns(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.filter((n) => !(DEVICE_CSV_COLUMNS as readonly string[]).includes(n));
  const missing = REQUIRED.filter((n) => !names.includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    throw new UploadRefused(
      400,
      'csv_header',
      `file: The header must name ${REQUIRED.join(', ')} and may add customer_ref, order_ref` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (unknown.length ? `; unknown: ${unknown.join(', ')}` : ''),
      { missing: missing.join(', ') || '-', unknown: unknown.join(', ') || '-' },
    );
  }
  return names;
}

/**
 * Streams an uploaded CSV into the warranty service in chunks, so that a file of any size needs only one
 * chunk of memory, and the import's progress grows while the upload runs. The service stages the rows
 * and registers them only when the whole file was read within the limits, so a refused file leaves no
 * device behind.
 */
@Injectable()
export class DeviceCsvImport {
  constructor(
    private readonly services: ServiceClient,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
  ) {}

  async run(importId: string, request: FastifyRequest, metadata: CommandMetadata): Promise<DeviceImport> {
    const { maxBytes, maxRows } = this.options.deviceImport;
    const noFile = 'file: send the CSV as multipart/form-data in the field "file"';
    if (!request.isMultipart()) throw new UploadRefused(415, 'multipart_required', noFile);
    const tooLarge = () =>
      new UploadRefused(
        413,
        'import_too_large',
        `file: an import takes a file of at most ${maxBytes} bytes`,
        {
          maxMegabytes: Math.floor(maxBytes / 2 ** 20),
        },
      );
    if (Number(request.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) throw tooLarge();
    const file = await request.file({ limits: { fileSize: maxBytes } });
    if (!file || file.fieldname !== 'file') throw new UploadRefused(400, 'multipart_required', noFile);
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
          max_record_size: MAX_RECORD_CHARACTERS,
        }),
      );
      let rows: ImportChunk['rows'] = [];
      let count = 0;
      for await (const { record, info } of records as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        if (++count > maxRows) {
          throw new UploadRefused(
            413,
            'import_too_many_rows',
            `file: an import takes at most ${maxRows} rows`,
            {
              maxRows,
            },
          );
        }
        rows.push({ line: info.lines, fields: record });
        if (rows.length === CHUNK_ROWS) {
          await this.services.request(warrantyMessages.importRows, { importId, rows }, metadata);
          rows = [];
        }
      }
      if (file.file.truncated) throw tooLarge();
      if (rows.length > 0)
        await this.services.request(warrantyMessages.importRows, { importId, rows }, metadata);
    } catch (error) {
      // Whatever stopped it, the import ends as failed rather than staying "running", and its rows go.
      const refusal = error instanceof ServiceError ? error : refusalOf(error);
      const message = refusal instanceof ServiceError ? refusal.error.message : refusal.message;
      await this.services.request(warrantyMessages.finishImport, { importId, error: message }, metadata);
      throw refusal;
    }
    return this.services.request(warrantyMessages.finishImport, { importId }, metadata);
  }
}

function refusalOf(error: unknown): UploadRefused {
  if (error instanceof UploadRefused) return error;
  if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
    const { lines } = error as CsvError & { lines: number };
    return new UploadRefused(
      400,
      'csv_row_too_long',
      `file: line ${lines} is longer than the ${MAX_RECORD_CHARACTERS} characters a row may have`,
      { line: lines, max: MAX_RECORD_CHARACTERS },
    );
  }
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  return new UploadRefused(400, 'csv_invalid', `file: ${reason}`);
}
