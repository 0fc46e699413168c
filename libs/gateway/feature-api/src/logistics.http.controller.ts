import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  type RawBodyRequest,
  Req,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandMetadata, InvalidError } from '@aftersales/contracts/common';
import { diagnosisCodeSchema } from '@aftersales/contracts/consultation';
import type { Principal } from '@aftersales/contracts/identity';
import {
  type CarrierInput,
  carrierCodeSchema,
  carrierInputSchema,
  logisticsMessages as m,
  type ManualCheckpoint,
  manualCheckpointSchema,
  type ShipmentViewer,
} from '@aftersales/contracts/logistics';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access, CurrentPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { IfMatch } from './if-match.js';
import { Refuses, Reply } from './openapi/responses.js';

const byId = z.strictObject({ id: z.uuid({ error: 'must be a shipment id (a UUID)' }) });
const newCarrierSchema = carrierInputSchema.extend({ code: carrierCodeSchema }).meta({ id: 'NewCarrier' });
const ofOrder = z.strictObject({ diagnosisCode: diagnosisCodeSchema });

/** A customer sees their own orders' parcels, a repair point its own, support and admins all. */
function viewerOf(principal: Principal): ShipmentViewer {
  if (principal.repairPointId) return { kind: 'repair_point', repairPointId: principal.repairPointId };
  if (principal.kind === 'user' && principal.role === 'customer')
    return { kind: 'customer', userId: principal.userId };
  return { kind: 'staff' };
}

/** Carriers (public), the shipments of repair orders with their checkpoints, and the tracking webhook. */
@ApiTags('logistics')
@Controller('api')
export class LogisticsHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get('carriers')
  @Access({ public: true })
  @ApiOperation({
    summary: 'The carriers parcels travel with, each with its tracking-number format and tracking link',
  })
  @Reply(200, m.listCarriers.reply)
  carriers(@Metadata() metadata: CommandMetadata) {
    return this.services.request(m.listCarriers, {}, metadata);
  }

  @Get('shipments')
  @Access({ roles: ['customer', 'agent', 'engineer', 'admin'], apiKeys: true })
  @ApiOperation({ summary: 'The parcels of a repair order, both ways, each with its checkpoints' })
  @Reply(200, m.ofOrder.reply)
  ofOrder(
    @Query({ schema: ofOrder }) { diagnosisCode }: z.infer<typeof ofOrder>,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.ofOrder, { diagnosisCode, viewer: viewerOf(principal) }, metadata);
  }

  @Get('shipments/:id')
  @Access({ roles: ['customer', 'agent', 'engineer', 'admin'], apiKeys: true })
  @ApiOperation({ summary: 'One shipment with its checkpoints; another customer’s or point’s answers 404' })
  @Reply(200, m.get.reply)
  @Refuses(404)
  shipment(
    @Param({ schema: byId }) { id }: { id: string },
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.get, { shipmentId: id, viewer: viewerOf(principal) }, metadata);
  }

  @Post('shipments/:id/checkpoints')
  @Access({ roles: ['engineer', 'admin'], apiKeys: true })
  @ApiOperation({ summary: 'Record a checkpoint by hand, say from the carrier’s own page' })
  @Reply(201, m.recordCheckpoint.reply)
  @Refuses(404)
  recordCheckpoint(
    @Param({ schema: byId }) { id }: { id: string },
    @Body({ schema: manualCheckpointSchema }) checkpoint: ManualCheckpoint,
    @CurrentPrincipal() principal: Principal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.recordCheckpoint,
      { shipmentId: id, viewer: viewerOf(principal), checkpoint },
      metadata,
    );
  }

  @Post('logistics/webhooks/:provider')
  @HttpCode(200)
  @Access({ public: true })
  @ApiOperation({
    summary: 'AfterShip’s tracking pushes, signed with the shared secret (`aftership-hmac-sha256`)',
    description:
      'Refused when unsigned or wrongly signed (401), malformed or more than 15 minutes from now (400), or ' +
      'taken before (409, by `event_id`); nothing is recorded for a refused push.',
  })
  @Reply(200, m.ingestWebhook.reply)
  @Refuses(400, 401, 409)
  webhook(
    @Param({
      schema: z.strictObject({
        provider: z.literal('aftership', { error: 'only aftership pushes are taken' }),
      }),
    })
    { provider }: { provider: 'aftership' },
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Headers('aftership-hmac-sha256') signature: string | undefined,
    @Metadata() metadata: CommandMetadata,
  ) {
    if (!request.rawBody) throw new InvalidError('The push needs a JSON body', { code: 'webhook_malformed' });
    return this.services.request(
      m.ingestWebhook,
      { provider, body: request.rawBody.toString('utf8'), ...(signature ? { signature } : {}) },
      metadata,
    );
  }
}

/** Admins keep the carriers list: formats, tracking links, the aggregator's slugs. */
@ApiTags('admin')
@Controller('api/admin/carriers')
@Access({ roles: ['admin'] })
export class AdminCarriersHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Every carrier, the inactive ones too' })
  @Reply(200, m.listCarriers.reply)
  list(@Metadata() metadata: CommandMetadata) {
    return this.services.request(m.listCarriers, { includeInactive: true }, metadata);
  }

  @Post()
  @ApiOperation({ summary: 'Register a carrier under a new code' })
  @Reply(201, m.registerCarrier.reply)
  @Refuses(409)
  register(
    @Body({ schema: newCarrierSchema }) { code, ...carrier }: z.infer<typeof newCarrierSchema>,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.registerCarrier, { code, carrier }, metadata);
  }

  @Put(':code')
  @ApiOperation({ summary: 'Change a carrier: its names, format, tracking link, or whether it is offered' })
  @Reply(200, m.changeCarrier.reply)
  @Refuses(404, 412)
  change(
    @Param({ schema: z.strictObject({ code: carrierCodeSchema }) }) { code }: { code: string },
    @Body({ schema: carrierInputSchema }) carrier: CarrierInput,
    @IfMatch('carrier') expectedVersion: number,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.changeCarrier, { code, carrier, expectedVersion }, metadata);
  }
}
