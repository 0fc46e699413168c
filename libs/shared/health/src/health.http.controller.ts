import { Controller, Get } from '@nestjs/common';
import { HealthCheck, type HealthCheckResult } from '@nestjs/terminus';
import { HEALTH_PREFIX } from './health-paths.js';
import { Readiness } from './readiness.js';

/** A service's health routes, on its own small HTTP listener: it has no other HTTP surface. */
@Controller(HEALTH_PREFIX)
export class HealthHttpController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.readiness.check();
  }
}
