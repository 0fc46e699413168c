import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('operations')
@Controller('health')
export class HealthHttpController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
