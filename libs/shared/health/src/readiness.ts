import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorFunction } from '@nestjs/terminus';

/** Each check gives up after this long, under the probes' timeout, so a hung dependency reads as down. */
export const CHECK_TIMEOUT_MS = 2_000;

export const READINESS_CHECKS = Symbol('ReadinessChecks');

/**
 * Whether the app can do its work now. A stopping app answers 503 at once, so the orchestrator sends it no
 * new requests while it finishes the ones it took.
 */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly health: HealthCheckService,
    private readonly checks: HealthIndicatorFunction[],
  ) {}

  check(): Promise<HealthCheckResult> {
    const stopping: HealthIndicatorFunction = () => ({ shutdown: { status: 'down' } });
    return this.health.check(this.stopping ? [stopping] : this.checks);
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }
}
