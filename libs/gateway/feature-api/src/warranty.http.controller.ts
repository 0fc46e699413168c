import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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
import { ZodValidationPipe } from './zod-validation.pipe.js';

@ApiTags('warranty')
@Controller('api')
export class WarrantyHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get('warranty/:sn')
  @Access({ roles: anyUser })
  @ApiOperation({ summary: 'Model and warranty end date of one machine, and why it ends then' })
  @ApiParam({ name: 'sn', example: 'ZH10014510045', description: 'Case and spaces are ignored' })
  lookup(
    @Param(new ZodValidationPipe(warrantyMessages.lookup.request)) request: { sn: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<WarrantyLookupReply> {
    return this.services.request(warrantyMessages.lookup, request, metadata);
  }

  @Post('warranty/lookups')
  @HttpCode(200)
  @Access({ roles: anyUser })
  @ApiOperation({ summary: 'Up to 500 SNs at once; unknown and malformed SNs are flagged, not refused' })
  lookupBatch(
    @Body(new ZodValidationPipe(batchLookupRequestSchema)) body: BatchLookupRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<BatchLookupReply> {
    return this.services.request(warrantyMessages.lookupBatch, body, metadata);
  }

  @Get('repair-points')
  @Access({ public: true })
  @ApiOperation({
    summary: 'Active repair points, by kind, country and region; `near` sorts the nearest first',
  })
  repairPoints(
    @Query(new ZodValidationPipe(repairPointQuerySchema)) query: RepairPointQuery,
    @Metadata() metadata: CommandMetadata,
  ): Promise<RepairPoint[]> {
    return this.services.request(warrantyMessages.listRepairPoints, query, metadata);
  }
}
