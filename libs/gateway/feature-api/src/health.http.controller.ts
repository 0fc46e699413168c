import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult } from '@nestjs/terminus';
import { z } from 'zod';
import { HEALTH_PREFIX, Readiness } from '@aftersales/shared-health';
import { Access } from './access/access.decorator.js';
import { Reply } from './openapi/responses.js';

const liveSchema = z.object({ status: z.literal('ok') });

const checks = z.record(z.string(), z.looseObject({ status: z.enum(['up', 'down']) }));
const readySchema = z.object({ status: z.literal('ok'), info: checks, error: checks, details: checks });

@ApiTags('operations')
@Controller(HEALTH_PREFIX)
export class HealthHttpController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @Access({ public: true })
  @ApiOperation({ summary: 'Answers while the process runs' })
  @Reply(200, liveSchema)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Access({ public: true })
  @HealthCheck()
  @ApiOperation({ summary: 'Answers 200 while the gateway can reach what it needs (NATS), 503 otherwise' })
  @Reply(200, readySchema)
  @ApiResponse({ status: 503, description: 'A dependency does not answer, or the gateway is stopping' })
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check();
  }
}
