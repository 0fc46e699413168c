import { type DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health.js';
import { HealthHttpController } from './health.http.controller.js';
import { NatsHealth } from './nats.health.js';
import { CHECK_TIMEOUT_MS, Readiness } from './readiness.js';

/** What an app's readiness depends on: the checks of the parts it uses. */
export interface HealthOptions {
  /** The process's database connection (PostgreSQL, or PGlite in the embedded mode). */
  database?: boolean;
  /** The NATS server the app talks to. */
  natsUrl?: string;
}

/**
 * Health on `@nestjs/terminus`. `forService` serves the routes itself; the gateway serves them from its own
 * controller (every gateway route declares its access and its OpenAPI), so `forGateway` gives it `Readiness`.
 */
@Global()
@Module({})
export class HealthModule {
  static forService(options: HealthOptions): DynamicModule {
    return { ...HealthModule.forGateway(options), controllers: [HealthHttpController] };
  }

  static forGateway(options: HealthOptions): DynamicModule {
    const checks: Provider[] = [];
    const inject: (typeof DatabaseHealth | typeof NatsHealth)[] = [];
    if (options.database) {
      checks.push(DatabaseHealth);
      inject.push(DatabaseHealth);
    }
    const { natsUrl } = options;
    if (natsUrl) {
      checks.push({
        provide: NatsHealth,
        inject: [HealthIndicatorService],
        useFactory: (indicator: HealthIndicatorService) => NatsHealth.connect(natsUrl, indicator),
      });
      inject.push(NatsHealth);
    }
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [
        ...checks,
        {
          provide: Readiness,
          inject: [HealthCheckService, ...inject],
          useFactory: (health: HealthCheckService, ...indicators: (DatabaseHealth | NatsHealth)[]) =>
            new Readiness(
              health,
              indicators.map((indicator) => () => indicator.check(CHECK_TIMEOUT_MS)),
            ),
        },
      ],
      exports: [Readiness],
    };
  }
}
