import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { expectedVersionOf } from './if-match.js';
import { DeviceCsvImport } from './device-csv-import.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const importParamSchema = z.strictObject({ id: importIdSchema });

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
  listPolicies(@Metadata() metadata: CommandMetadata): Promise<WarrantyPolicy[]> {
    return this.services.request(m.listPolicies, {}, metadata);
  }

  @Put('warranty-policies')
  @ApiOperation({
    summary: "Set a model's warranty length; it applies to every machine of the model at once",
  })
  setPolicy(
    @Body(new ZodValidationPipe(warrantyPolicySchema)) body: WarrantyPolicy,
    @Metadata() metadata: CommandMetadata,
  ): Promise<WarrantyPolicy> {
    return this.services.request(m.setPolicy, body, metadata);
  }

  @Post('devices/:sn/extensions')
  @ApiOperation({ summary: "Extend one machine's warranty, with the reason shown to the customer" })
  grantExtension(
    @Param(new ZodValidationPipe(z.strictObject({ sn: serialNumberSchema }))) { sn }: { sn: string },
    @Body(new ZodValidationPipe(extensionRequestSchema)) body: ExtensionRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<WarrantyLookupReply> {
    return this.services.request(m.grantExtension, { sn, ...body }, metadata);
  }

  @Get('devices/:sn/history')
  @ApiOperation({ summary: "A device's changes by imports, newest first, with the values before and after" })
  deviceHistory(
    @Param(new ZodValidationPipe(z.strictObject({ sn: serialNumberSchema }))) { sn }: { sn: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<DeviceChange[]> {
    return this.services.request(m.deviceHistory, { sn }, metadata);
  }

  @Post('devices/imports')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Import devices from a CSV file (sn,model,shipped_at[,customer_ref][,order_ref]), streamed',
    description:
      'The client names the import with `id`, so it can follow the progress while the upload runs.',
  })
  importDevices(
    @Query(new ZodValidationPipe(importParamSchema)) { id }: { id: string },
    @Req() request: FastifyRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<DeviceImport> {
    return this.csvImport.run(id, request, metadata);
  }

  @Get('devices/imports/:id')
  @ApiOperation({ summary: 'Progress and counts of an import' })
  getImport(
    @Param(new ZodValidationPipe(importParamSchema)) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<DeviceImport> {
    return this.services.request(m.getImport, { importId: id }, metadata);
  }

  @Get('devices/imports/:id/rejections')
  @ApiOperation({ summary: 'The rejected rows of an import: line and reason' })
  rejections(
    @Param(new ZodValidationPipe(importParamSchema)) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<RejectedRow[]> {
    return this.services.request(m.importRejections, { importId: id }, metadata);
  }

  @Get('devices/imports/:id/rejections.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The rejected rows as a CSV report to download' })
  async rejectionsCsv(
    @Param(new ZodValidationPipe(importParamSchema)) { id }: { id: string },
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
  listRepairPoints(@Metadata() metadata: CommandMetadata): Promise<RepairPoint[]> {
    return this.services.request(m.listRepairPoints, { includeInactive: true }, metadata);
  }

  @Post('repair-points')
  @ApiOperation({ summary: 'Register a repair point; the repair-orders service learns of it by an event' })
  registerRepairPoint(
    @Body(new ZodValidationPipe(repairPointInputSchema.extend({ id: repairPointIdSchema })))
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
  async changeRepairPoint(
    @Param(new ZodValidationPipe(z.strictObject({ id: repairPointIdSchema }))) { id }: { id: string },
    @Body(new ZodValidationPipe(repairPointInputSchema)) input: RepairPointInput,
    @Headers('if-match') ifMatch: string | undefined,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RepairPoint> {
    const point = await this.services.request(
      m.changeRepairPoint,
      { id, input, expectedVersion: expectedVersionOf(ifMatch, 'repair point') },
      metadata,
    );
    void reply.header('etag', `"${point.version}"`);
    return point;
  }
}
