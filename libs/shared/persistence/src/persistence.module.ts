import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from './database.js';

/** Provides the one database connection of a process; the composition root says which backend. */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection) {}

  static forRoot(open: () => Promise<DatabaseConnection>): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [{ provide: DATABASE_CONNECTION, useFactory: open }],
      exports: [DATABASE_CONNECTION],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
