import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  type WarrantyLookupReply,
  type WarrantyLookupRequest,
  warrantyLookupRequestSchema,
  warrantySubjects,
} from '@aftersales/contracts/warranty';
import { ServiceClient } from '@aftersales/shared-messaging';
import { Access, anyUser } from './access/access.decorator.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

@ApiTags('warranty')
@Controller('api/warranty')
export class WarrantyHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':sn')
  @Access({ roles: anyUser })
  @ApiOperation({ summary: 'Model and warranty end date of one machine' })
  @ApiParam({ name: 'sn', example: 'ZH10014510045', description: 'Case and spaces are ignored' })
  @ApiOkResponse({ description: 'The machine is registered' })
  lookup(
    @Param(new ZodValidationPipe(warrantyLookupRequestSchema)) request: WarrantyLookupRequest,
  ): Promise<WarrantyLookupReply> {
    return this.services.request(warrantySubjects.lookup, request);
  }
}
