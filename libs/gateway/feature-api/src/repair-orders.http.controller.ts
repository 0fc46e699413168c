import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { diagnosisCodeSchema } from '@aftersales/contracts/consultation';
import {
  deviceCheckRequestSchema,
  type MailInRequest,
  mailInRequestSchema,
  repairOrderMessages as m,
  type ShipmentInput,
  shipmentInputSchema,
} from '@aftersales/contracts/repair-orders';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { OrderPhotos } from './attachments/order-photos.js';
import { DownloadsPhoto, UploadsPhoto, byPhoto, type ByPhoto } from './order-photo-routes.js';
import { Metadata } from './command-metadata.js';
import { OptionalIfMatch } from './if-match.js';
import { Refuses, Reply } from './openapi/responses.js';

const byCode = z.strictObject({ diagnosisCode: diagnosisCodeSchema });
type ByCode = z.infer<typeof byCode>;
const customers = { roles: ['customer' as const] };
const viewerOf = ({ role, userId }: UserPrincipal) =>
  ({ kind: role === 'agent' ? 'agent' : 'customer', userId }) as const;

/**
 * A repair order as its customer follows it: the mail-in form, corrections and cancellation before
 * receipt, and confirming that the machines came back. Another customer's diagnosis code answers 404.
 */
@ApiTags('repair orders')
@Controller('api/repair-orders')
export class RepairOrdersHttpController {
  constructor(
    private readonly services: ServiceClient,
    private readonly photos: OrderPhotos,
  ) {}

  @Get(':diagnosisCode')
  @Access({ roles: ['customer', 'agent'] })
  @ApiOperation({ summary: 'A repair order by its diagnosis code: its device lines, shipments and timeline' })
  @Reply(200, m.get.reply)
  @Refuses(404)
  get(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.get, { diagnosisCode, viewer: viewerOf(user) }, metadata);
  }

  @Post(':diagnosisCode/photos')
  @Access(customers)
  @UploadsPhoto('on the mail-in form')
  uploadPhoto(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Req() request: FastifyRequest,
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.photos.upload(request, diagnosisCode, viewerOf(user), metadata);
  }

  @Get(':diagnosisCode/photos/:photoId')
  @Access({ roles: ['customer', 'agent'] })
  @Header('x-content-type-options', 'nosniff')
  @DownloadsPhoto()
  photo(
    @Param({ schema: byPhoto }) { diagnosisCode, photoId }: ByPhoto,
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.photos.download(diagnosisCode, photoId, viewerOf(user), metadata);
  }

  @Post(':diagnosisCode/device-checks')
  @HttpCode(200)
  @Access(customers)
  @ApiOperation({
    summary:
      'Check machines for the mail-in form before submitting it: each SN’s model, or what keeps it off',
  })
  @Reply(200, m.checkDevices.reply)
  @Refuses(404)
  checkDevices(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Body({ schema: deviceCheckRequestSchema }) { sns }: { sns: string[] },
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.checkDevices, { diagnosisCode, customerId: userId, sns }, metadata);
  }

  @Post(':diagnosisCode/mail-in')
  @Access(customers)
  @ApiOperation({
    summary: 'Submit the mail-in form: the machines, the repair point and the outbound parcel',
    description:
      'Every machine is checked; if any cannot go, nothing is submitted and `details.devices` names each ' +
      'problem with its line’s index.',
  })
  @Reply(201, m.submitMailIn.reply)
  @Refuses(404, 409, 412)
  async submitMailIn(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Body({ schema: mailInRequestSchema }) form: MailInRequest,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    await this.photos.check(
      diagnosisCode,
      form.devices.map((device, index) => ({ path: `devices.${index}.photos`, ids: device.photos })),
    );
    return this.services.request(
      m.submitMailIn,
      { diagnosisCode, customerId: userId, ...form, ...(expectedVersion ? { expectedVersion } : {}) },
      metadata,
    );
  }

  @Put(':diagnosisCode/outbound-shipment')
  @Access(customers)
  @ApiOperation({
    summary: 'Correct the outbound parcel’s carrier or tracking number, until the point receives it',
  })
  @Reply(200, m.correctOutboundShipment.reply)
  @Refuses(404, 409, 412)
  correctOutboundShipment(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @Body({ schema: shipmentInputSchema }) shipment: ShipmentInput,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.correctOutboundShipment,
      { diagnosisCode, customerId: userId, ...shipment, ...(expectedVersion ? { expectedVersion } : {}) },
      metadata,
    );
  }

  @Post(':diagnosisCode/cancel')
  @HttpCode(200)
  @Access(customers)
  @ApiOperation({ summary: 'Cancel the order, until the repair point receives a machine of it' })
  @Reply(200, m.cancel.reply)
  @Refuses(404, 409, 412)
  cancel(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.cancel,
      { diagnosisCode, customerId: userId, ...(expectedVersion ? { expectedVersion } : {}) },
      metadata,
    );
  }

  @Post(':diagnosisCode/confirm-receipt')
  @HttpCode(200)
  @Access(customers)
  @ApiOperation({ summary: 'Confirm that the machines shipped back arrived: their lines complete' })
  @Reply(200, m.confirmReceipt.reply)
  @Refuses(404, 409, 412)
  confirmReceipt(
    @Param({ schema: byCode }) { diagnosisCode }: ByCode,
    @OptionalIfMatch('repair order') expectedVersion: number | undefined,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.confirmReceipt,
      { diagnosisCode, customerId: userId, ...(expectedVersion ? { expectedVersion } : {}) },
      metadata,
    );
  }
}
