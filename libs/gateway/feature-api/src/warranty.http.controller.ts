import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  type BatchLookupReply,
  type BatchLookupRequest,
  batchLookupRequestSchema,
  type RepairPoint,
  type RepairPointQuery,
  repairPointQuerySchema,
  type WarrantyLookupReply,
  warrantyMessages,
} from '@aftersales/contracts/warranty';
import { ServiceClient } from '@aftersales/shared-messaging';
import { Access, anyUser } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { RateLimited } from './rate-limits/rate-limits.js';
import { Refuses, Reply } from './openapi/responses.js';

@ApiTags('warranty')
@Controller('api')
export class WarrantyHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get('warranty/:sn')
  @RateLimited('lookup')
  @Access({ roles: anyUser })
  @ApiOperation({ summary: 'Model and warranty end date of one machine, and why it ends then' })
  @Reply(200, warrantyMessages.lookup.reply)
  @Refuses(404)
  lookup(
    @Param({ schema: warrantyMessages.lookup.request }) request: { sn: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<WarrantyLookupReply> {
    return this.services.request(warrantyMessages.lookup, request, metadata);
  }

  @Post('warranty/lookups')
  @RateLimited('batchLookup')
  @Access({ roles: anyUser })
  @ApiOperation({ summary: 'Up to 500 SNs at once; unknown and malformed SNs are flagged, not refused' })
  @Reply(200, warrantyMessages.lookupBatch.reply)
  lookupBatch(
    @Body({ schema: batchLookupRequestSchema }) body: BatchLookupRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<BatchLookupReply> {
    return this.services.request(warrantyMessages.lookupBatch, body, metadata);
  }

  @Get('repair-points')
  @Access({ public: true })
  @ApiOperation({
    summary: 'Active repair points, by kind, country and region; `near` sorts the nearest first',
  })
  @Reply(200, warrantyMessages.listRepairPoints.reply)
  repairPoints(
    @Query({ schema: repairPointQuerySchema }) query: RepairPointQuery,
    @Metadata() metadata: CommandMetadata,
  ): Promise<RepairPoint[]> {
    return this.services.request(warrantyMessages.listRepairPoints, query, metadata);
  }
}
