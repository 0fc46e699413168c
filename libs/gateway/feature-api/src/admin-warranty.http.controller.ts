import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpException,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { apiError } from '@aftersales/contracts/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@aftersales/contracts/identity';
import {
  type DeviceChange,
  type DeviceImport,
  type ExtensionRequest,
  extensionRequestSchema,
  type RejectedRow,
  type RepairPoint,
  type RepairPointInput,
  repairPointIdSchema,
  repairPointInputSchema,
  serialNumberSchema,
  type WarrantyLookupReply,
  type WarrantyPolicy,
  warrantyPolicySchema,
  warrantySubjects,
} from '@aftersales/contracts/warranty';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access, CurrentPrincipal } from './access/access.decorator.js';
import { DeviceCsvImport } from './device-csv-import.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

const actorOf = (principal: Principal) =>
  principal.kind === 'user' ? `user:${principal.userId}` : `api-key:${principal.apiKeyId}`;

/** The version an `If-Match` header names: `"3"` (an ETag this API gave out) or `3`. */
function expectedVersionOf(ifMatch: string | undefined): number {
  if (!ifMatch) {
    throw new HttpException(apiError(428, 'If-Match: send the version of the repair point you changed'), 428);
  }
  const version = Number(/^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())?.[1]);
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new BadRequestException(apiError(400, 'If-Match: must be a version such as "3"'));
  }
  return version;
}

const importIdSchema = z.strictObject({ id: z.uuid({ error: 'must be a UUID' }) });

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
  listPolicies(): Promise<WarrantyPolicy[]> {
    return this.services.request(warrantySubjects.listPolicies, {});
  }

  @Put('warranty-policies')
  @ApiOperation({
    summary: "Set a model's warranty length; it applies to every machine of the model at once",
  })
  setPolicy(
    @Body(new ZodValidationPipe(warrantyPolicySchema)) body: WarrantyPolicy,
  ): Promise<WarrantyPolicy> {
    return this.services.request(warrantySubjects.setPolicy, body);
  }

  @Post('devices/:sn/extensions')
  @ApiOperation({ summary: "Extend one machine's warranty, with the reason shown to the customer" })
  grantExtension(
    @Param(new ZodValidationPipe(z.strictObject({ sn: serialNumberSchema }))) { sn }: { sn: string },
    @Body(new ZodValidationPipe(extensionRequestSchema)) body: ExtensionRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WarrantyLookupReply> {
    return this.services.request(warrantySubjects.grantExtension, { sn, ...body, actor: actorOf(principal) });
  }

  @Get('devices/:sn/history')
  @ApiOperation({ summary: "A device's changes by imports, newest first, with the values before and after" })
  deviceHistory(
    @Param(new ZodValidationPipe(z.strictObject({ sn: serialNumberSchema }))) { sn }: { sn: string },
  ): Promise<DeviceChange[]> {
    return this.services.request(warrantySubjects.deviceHistory, { sn });
  }

  @Post('devices/imports')
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Import devices from a CSV file (sn,model,shipped_at[,customer_ref][,order_ref]), streamed',
    description:
      'The client names the import with `id`, so it can follow the progress while the upload runs.',
  })
  importDevices(
    @Query(new ZodValidationPipe(importIdSchema)) { id }: { id: string },
    @Req() request: FastifyRequest,
  ): Promise<DeviceImport> {
    return this.csvImport.run(id, request);
  }

  @Get('devices/imports/:id')
  @ApiOperation({ summary: 'Progress and counts of an import' })
  getImport(@Param(new ZodValidationPipe(importIdSchema)) { id }: { id: string }): Promise<DeviceImport> {
    return this.services.request(warrantySubjects.getImport, { importId: id });
  }

  @Get('devices/imports/:id/rejections')
  @ApiOperation({ summary: 'The rejected rows of an import: line and reason' })
  rejections(@Param(new ZodValidationPipe(importIdSchema)) { id }: { id: string }): Promise<RejectedRow[]> {
    return this.services.request(warrantySubjects.importRejections, { importId: id });
  }

  @Get('devices/imports/:id/rejections.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The rejected rows as a CSV report to download' })
  async rejectionsCsv(
    @Param(new ZodValidationPipe(importIdSchema)) { id }: { id: string },
  ): Promise<StreamableFile> {
    const rows = await this.services.request<RejectedRow[]>(warrantySubjects.importRejections, {
      importId: id,
    });
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const csv = ['line,reason', ...rows.map((r) => `${r.line},${quote(r.reason)}`)].join('\n') + '\n';
    return new StreamableFile(Buffer.from(csv), {
      disposition: `attachment; filename="rejected-rows-${id}.csv"`,
    });
  }

  @Get('repair-points')
  @ApiOperation({ summary: 'Every repair point, inactive ones too' })
  listRepairPoints(): Promise<RepairPoint[]> {
    return this.services.request(warrantySubjects.listRepairPoints, { includeInactive: true });
  }

  @Post('repair-points')
  @ApiOperation({ summary: 'Register a repair point; the repair-orders service learns of it by an event' })
  registerRepairPoint(
    @Body(new ZodValidationPipe(repairPointInputSchema.extend({ id: repairPointIdSchema })))
    { id, ...input }: RepairPointInput & { id: string },
    @CurrentPrincipal() principal: Principal,
  ): Promise<RepairPoint> {
    return this.services.request(warrantySubjects.registerRepairPoint, {
      id,
      input,
      actor: actorOf(principal),
    });
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
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RepairPoint> {
    const point = await this.services.request<RepairPoint>(warrantySubjects.changeRepairPoint, {
      id,
      input,
      expectedVersion: expectedVersionOf(ifMatch),
      actor: actorOf(principal),
    });
    void reply.header('etag', `"${point.version}"`);
    return point;
  }
}
