import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from './access/access.decorator.js';

@ApiTags('operations')
@Controller('health')
export class HealthHttpController {
  @Get('live')
  @Access({ public: true })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
