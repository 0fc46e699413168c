import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@aftersales/contracts/identity';
import { repairPointIdSchema } from '@aftersales/contracts/warranty';
import { z } from 'zod';
import { Access, CurrentPrincipal } from './access/access.decorator.js';
import { Reply } from './openapi/responses.js';

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

/** The repair points' service API: engineers in the console, and repair points' systems with an API key. */
@ApiTags('repair points')
@Controller('api/repair-point')
@Access({ roles: ['engineer'], apiKeys: true })
export class RepairPointHttpController {
  @Get('me')
  @ApiOperation({ summary: 'Which repair point the caller acts for: lets an integrator check its API key' })
  @Reply(200, repairPointCallerSchema)
  me(@CurrentPrincipal() principal: Principal): RepairPointCaller {
    return { repairPointId: principal.repairPointId, via: principal.kind };
  }
}
