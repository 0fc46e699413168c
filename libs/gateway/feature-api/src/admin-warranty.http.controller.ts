import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  type DeviceChange,
  type DeviceImport,
  type ExtensionRequest,
  extensionRequestSchema,
  importIdSchema,
  type RejectedRow,
  type RepairPoint,
  type RepairPointInput,
  repairPointIdSchema,
  repairPointInputSchema,
  serialNumberSchema,
  type WarrantyLookupReply,
  type WarrantyPolicy,
  warrantyPolicySchema,
  warrantyMessages as m,
} from '@aftersales/contracts/warranty';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { openApiSchemaOf } from './openapi/zod-openapi.js';
import { IfMatch } from './if-match.js';
import { DeviceCsvImport } from './device-csv-import.js';
import { RateLimited } from './rate-limits/rate-limits.js';
import { Refuses, Reply } from './openapi/responses.js';

const importParamSchema = z.strictObject({ id: importIdSchema });
/** The form the import streams: it is read as it arrives, so this documents it and validates nothing. */
const deviceCsvUploadSchema = z.strictObject({
  file: z.file().meta({ description: 'The CSV: a header line, then one device a line' }),
});
const rejectionsCsvSchema = z
  .string()
  .meta({ description: 'A header line `line,reason`, then a rejected row a line' });

@ApiTags('admin')
@Controller('api/admin')
@Access({ roles: ['admin'] })
export class AdminWarrantyHttpController {
  constructor(
    private readonly services: ServiceClient,
    private readonly csvImport: DeviceCsvImport,
  ) {}

  @Get('warranty-policies')
  @ApiOperation({ summary: 'Warranty length per model, in months from shipment' })
  @Reply(200, m.listPolicies.reply)
  listPolicies(@Metadata() metadata: CommandMetadata): Promise<WarrantyPolicy[]> {
    return this.services.request(m.listPolicies, {}, metadata);
  }

  @Put('warranty-policies')
  @ApiOperation({
    summary: "Set a model's warranty length; it applies to every machine of the model at once",
  })
  @Reply(200, m.setPolicy.reply)
  setPolicy(
    @Body({ schema: warrantyPolicySchema }) body: WarrantyPolicy,
    @Metadata() metadata: CommandMetadata,
  ): Promise<WarrantyPolicy> {
    return this.services.request(m.setPolicy, body, metadata);
  }

  @Post('devices/:sn/extensions')
  @ApiOperation({ summary: "Extend one machine's warranty, with the reason shown to the customer" })
  @Reply(201, m.grantExtension.reply)
  @Refuses(404)
  grantExtension(
    @Param({ schema: z.strictObject({ sn: serialNumberSchema }) }) { sn }: { sn: string },
    @Body({ schema: extensionRequestSchema }) body: ExtensionRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<WarrantyLookupReply> {
    return this.services.request(m.grantExtension, { sn, ...body }, metadata);
  }

  @Get('devices/:sn/history')
  @ApiOperation({ summary: "A device's changes by imports, newest first, with the values before and after" })
  @Reply(200, m.deviceHistory.reply)
  @Refuses(404)
  deviceHistory(
    @Param({ schema: z.strictObject({ sn: serialNumberSchema }) }) { sn }: { sn: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<DeviceChange[]> {
    return this.services.request(m.deviceHistory, { sn }, metadata);
  }

  @Post('devices/imports')
  @RateLimited('deviceImport')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Import devices from a CSV file (sn,model,shipped_at[,customer_ref][,order_ref]), streamed',
    description:
      'The client names the import with `id`, so it can follow the progress while the upload runs. ' +
      'Limits (set by `IMPORT_MAX_BYTES` and `IMPORT_MAX_ROWS`, by default 64 MiB and 1,000,000 rows): a ' +
      'larger file or more rows answers 413, a body that is not multipart/form-data 415, a row longer ' +
      'than 1,000 characters 400. Rows reach the registry only when the whole file was read, so a refused ' +
      'file registers no device.',
  })
  @ApiBody({ schema: openApiSchemaOf(deviceCsvUploadSchema, 'input') })
  @Reply(201, m.finishImport.reply)
  @Refuses(409, 413, 415)
  importDevices(
    @Query({ schema: importParamSchema }) { id }: { id: string },
    @Req() request: FastifyRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<DeviceImport> {
    return this.csvImport.run(id, request, metadata);
  }

  @Get('devices/imports/:id')
  @ApiOperation({ summary: 'Progress and counts of an import' })
  @Reply(200, m.getImport.reply)
  @Refuses(404)
  getImport(
    @Param({ schema: importParamSchema }) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<DeviceImport> {
    return this.services.request(m.getImport, { importId: id }, metadata);
  }

  @Get('devices/imports/:id/rejections')
  @ApiOperation({ summary: 'The rejected rows of an import: line and reason' })
  @Reply(200, m.importRejections.reply)
  @Refuses(404)
  rejections(
    @Param({ schema: importParamSchema }) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<RejectedRow[]> {
    return this.services.request(m.importRejections, { importId: id }, metadata);
  }

  @Get('devices/imports/:id/rejections.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The rejected rows as a CSV report to download' })
  @ApiProduces('text/csv')
  @Reply(200, rejectionsCsvSchema)
  @Refuses(404)
  async rejectionsCsv(
    @Param({ schema: importParamSchema }) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<StreamableFile> {
    const rows = await this.services.request(m.importRejections, { importId: id }, metadata);
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv = ['line,reason', ...rows.map((r) => `${r.line},${quote(r.reason)}`)].join('\n') + '\n';
    return new StreamableFile(Buffer.from(csv), {
      disposition: `attachment; filename="rejected-rows-${id}.csv"`,
    });
  }

  @Get('repair-points')
  @ApiOperation({ summary: 'Every repair point, inactive ones too' })
  @Reply(200, m.listRepairPoints.reply)
  listRepairPoints(@Metadata() metadata: CommandMetadata): Promise<RepairPoint[]> {
    return this.services.request(m.listRepairPoints, { includeInactive: true }, metadata);
  }

  @Post('repair-points')
  @ApiOperation({ summary: 'Register a repair point; the repair-orders service learns of it by an event' })
  @Reply(201, m.registerRepairPoint.reply)
  @Refuses(409)
  registerRepairPoint(
    @Body({ schema: repairPointInputSchema.extend({ id: repairPointIdSchema }) })
    { id, ...input }: RepairPointInput & { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<RepairPoint> {
    return this.services.request(m.registerRepairPoint, { id, input }, metadata);
  }

  @Put('repair-points/:id')
  @ApiOperation({
    summary: 'Change a repair point, or deactivate it with `active: false`',
    description: 'Send `If-Match` with the version it was read at; a point changed meanwhile answers 412.',
  })
  @Reply(200, m.changeRepairPoint.reply, {
    ETag: 'The version of the point as changed, for the next If-Match',
  })
  @Refuses(404, 412, 428)
  async changeRepairPoint(
    @Param({ schema: z.strictObject({ id: repairPointIdSchema }) }) { id }: { id: string },
    @Body({ schema: repairPointInputSchema }) input: RepairPointInput,
    @IfMatch('repair point') expectedVersion: number,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RepairPoint> {
    const point = await this.services.request(m.changeRepairPoint, { id, input, expectedVersion }, metadata);
    void reply.header('etag', `"${point.version}"`);
    return point;
  }
}
