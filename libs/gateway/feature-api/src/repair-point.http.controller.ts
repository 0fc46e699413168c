import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandMetadata, ForbiddenError } from '@aftersales/contracts/common';
import { diagnosisCodeSchema } from '@aftersales/contracts/consultation';
import type { Principal } from '@aftersales/contracts/identity';
import {
  deviceOrderNoSchema,
  pointOrdersQuerySchema,
  progressRequestSchema,
  type ReceiptRequest,
  receiptRequestSchema,
  repairOrderMessages as m,
  type RepairOrderStatus,
  type RepairProgress,
  type ReturnShipmentRequest,
  returnShipmentRequestSchema,
} from '@aftersales/contracts/repair-orders';
import { repairPointIdSchema } from '@aftersales/contracts/warranty';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access, CurrentPrincipal } from './access/access.decorator.js';
import { OrderPhotos } from './attachments/order-photos.js';
import { DownloadsPhoto, UploadsPhoto, byPhoto, type ByPhoto } from './order-photo-routes.js';
import { Metadata } from './command-metadata.js';
import { OptionalIfMatch } from './if-match.js';
import { Refuses, Reply } from './openapi/responses.js';

const repairPointCallerSchema = z
  .object({
    repairPointId: repairPointIdSchema.optional(),
    via: z.enum(['api-key', 'user']).meta({ description: 'An API key, or an engineer signed in' }),
  })
  .meta({
    id: 'RepairPointCaller',
    description: 'The repair point a caller acts for',
    examples: [{ repairPointId: 'rp-shenzhen', via: 'api-key' }],
  });
type RepairPointCaller = z.infer<typeof repairPointCallerSchema>;

const byCode = z.strictObject({ diagnosisCode: diagnosisCodeSchema });
type ByCode = z.infer<typeof byCode>;
const byLine = byCode.extend({ deviceOrderNo: deviceOrderNoSchema });

/** Engineers and API keys act for exactly one point; the access rule lets in no one else. */
function pointOf(principal: Principal): string {
  if (!principal.repairPointId)
    throw new ForbiddenError('Only a repair point’s engineers and API keys act for it');
  return principal.repairPointId;
}

const ifMatch = (expectedVersion: number | undefined) => (expectedVersion ? { expectedVersion } : {});

/**
 * The repair points' service API: engineers in the console, and repair points' systems with an API key.
 * Each sees and works only the orders sent to its own point; any other answers 404.
 */
@ApiTags('repair points')
@Controller('api/repair-point')
@Access({ roles: ['engineer'], apiKeys: true })
export class RepairPointHttpController {
  constructor(
    private readonly services: ServiceClient,
    private readonly photos: OrderPhotos,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'Which repair point the caller acts for: lets an integrator check its API key' })
  @Reply(200, repairPointCallerSchema)
  me(@CurrentPrincipal() principal: Principal): RepairPointCaller {
    return { repairPointId: principal.repairPointId, via: principal.kind };
  }

  @Get('orders')
  @ApiOperation({
    summary: 'The orders sent to the caller’s point, oldest first, with how many are in each status',
  })
  @Reply(200, m.pointOrders.reply)
  orders(
    @Query({ schema: pointOrdersQuerySchema }) { status }: { status?: RepairOrderStatus },
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.pointOrders,
      { repairPointId: pointOf(principal), ...(status ? { status } : {}) },
      metadata,
    );
  }

  @Get('orders/:diagnosisCode')
  @ApiOperation({
    summary: 'An order by the diagnosis code on its packing slip, with its lines and timeline',
  })
  @Reply(200, m.get.reply)
  @Refuses(404)
  order(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.get,
      { diagnosisCode, viewer: { kind: 'repair_point', repairPointId: pointOf(principal) } },
      metadata,
    );
  }

  @Post('orders/:diagnosisCode/photos')
  @UploadsPhoto('on receipt or in a repair step')
  uploadPhoto(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    const viewer = { kind: 'repair_point' as const, repairPointId: pointOf(principal) };
    return this.photos.upload(request, diagnosisCode, viewer, metadata);
  }

  @Get('orders/:diagnosisCode/photos/:photoId')
  @Header('x-content-type-options', 'nosniff')
  @DownloadsPhoto()
  photo(
    @Param({ schema: byPhoto }) { diagnosisCode, photoId }: ByPhoto,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    const viewer = { kind: 'repair_point' as const, repairPointId: pointOf(principal) };
    return this.photos.download(diagnosisCode, photoId, viewer, metadata);
  }

  @Post('orders/:diagnosisCode/receipt')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the parcel line by line: received, missing, or not matching the form',
    description: 'A line scanned again with the same outcome changes nothing.',
  })
  @Reply(200, m.receive.reply)
  @Refuses(404, 409, 412)
  async receive(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Body({ schema: receiptRequestSchema }) { lines }: ReceiptRequest,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    await this.photos.check(
      diagnosisCode,
      lines.map((line, index) => ({ path: `lines.${index}.photos`, ids: line.photos })),
    );
    return this.services.request(
      m.receive,
      { diagnosisCode, repairPointId: pointOf(principal), lines, ...ifMatch(expectedVersion) },
      metadata,
    );
  }

  @Post('orders/:diagnosisCode/lines/:deviceOrderNo/progress')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record repair progress on one line: faults found, parts replaced, test result, and the result',
  })
  @Reply(200, m.recordProgress.reply)
  @Refuses(404, 409, 412)
  async recordProgress(
    @Param({ schema: byLine }) { diagnosisCode, deviceOrderNo }: z.infer<typeof byLine>,
    @Body({ schema: progressRequestSchema }) progress: RepairProgress,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    await this.photos.check(diagnosisCode, [{ path: 'photos', ids: progress.photos }]);
    return this.services.request(
      m.recordProgress,
      {
        diagnosisCode,
        repairPointId: pointOf(principal),
        deviceOrderNo,
        progress,
        ...ifMatch(expectedVersion),
      },
      metadata,
    );
  }

  @Post('orders/:diagnosisCode/return-shipment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ship repaired or unrepairable lines back to the customer in one parcel' })
  @Reply(200, m.shipBack.reply)
  @Refuses(404, 409, 412)
  shipBack(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Body({ schema: returnShipmentRequestSchema }) shipment: ReturnShipmentRequest,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.shipBack,
      { diagnosisCode, repairPointId: pointOf(principal), ...shipment, ...ifMatch(expectedVersion) },
      metadata,
    );
  }
}
