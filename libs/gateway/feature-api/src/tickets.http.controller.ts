import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  repairOrderMessages as m,
  type TicketsQuery,
  ticketsQuerySchema,
} from '@aftersales/contracts/repair-orders';
import { ServiceClient } from '@aftersales/shared-messaging';
import { Access, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { Reply } from './openapi/responses.js';

/** "My tickets" (我的工单): one row per device line of the customer's repair orders. */
@ApiTags('repair orders')
@Controller('api/tickets')
export class TicketsHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access({ roles: ['customer'] })
  @ApiOperation({
    summary: 'The customer’s device lines, newest order first: filter by status, search SN or code, by page',
  })
  @Reply(200, m.tickets.reply)
  list(
    @Query({ schema: ticketsQuerySchema }) query: TicketsQuery,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.tickets, { customerId: userId, ...query }, metadata);
  }
}
