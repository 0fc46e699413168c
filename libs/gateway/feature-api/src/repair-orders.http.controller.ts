import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { diagnosisCodeSchema } from '@aftersales/contracts/consultation';
import { repairOrderMessages as m } from '@aftersales/contracts/repair-orders';
import { ServiceClient } from '@aftersales/shared-messaging';
import { z } from 'zod';
import { Access, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { Refuses, Reply } from './openapi/responses.js';

/** A repair order as its customer follows it; another customer's diagnosis code answers 404. */
@ApiTags('repair orders')
@Controller('api/repair-orders')
export class RepairOrdersHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':diagnosisCode')
  @Access({ roles: ['customer', 'agent'] })
  @ApiOperation({ summary: 'A repair order by its diagnosis code, with its device lines' })
  @Reply(200, m.get.reply)
  @Refuses(404)
  get(
    @Param({ schema: z.strictObject({ diagnosisCode: diagnosisCodeSchema }) })
    { diagnosisCode }: { diagnosisCode: string },
    @CurrentUser() { role, userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.get,
      { diagnosisCode, viewer: { kind: role === 'agent' ? 'agent' : 'customer', userId } },
      metadata,
    );
  }
}
