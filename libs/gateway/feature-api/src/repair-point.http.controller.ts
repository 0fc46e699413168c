import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@aftersales/contracts/identity';
import { Access, CurrentPrincipal } from './access/access.decorator.js';

/** The repair points' service API: engineers in the console, and repair points' systems with an API key. */
@ApiTags('repair points')
@Controller('api/repair-point')
@Access({ roles: ['engineer'], apiKeys: true })
export class RepairPointHttpController {
  @Get('me')
  @ApiOperation({ summary: 'Which repair point the caller acts for: lets an integrator check its API key' })
  me(@CurrentPrincipal() principal: Principal): {
    repairPointId: string | undefined;
    via: 'api-key' | 'user';
  } {
    return { repairPointId: principal.repairPointId, via: principal.kind };
  }
}
