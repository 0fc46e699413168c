import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { sql } from 'drizzle-orm';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';

/** The process's one database connection (PostgreSQL or PGlite) answers a query. */
@Injectable()
export class DatabaseHealth {
  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    private readonly indicator: HealthIndicatorService,
  ) {}

  check(timeoutMs: number) {
    return this.indicator
      .check('database')
      .attempt(async () => {
        await this.connection.db.execute(sql`select 1`);
      })
      .withTimeout(timeoutMs);
  }
}
