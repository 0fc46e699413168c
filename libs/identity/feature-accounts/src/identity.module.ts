import { type DynamicModule, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { IdentityRepository, identityMigrations } from '@aftersales/identity-data-access';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { AccountsService, IDENTITY_OPTIONS, type IdentityOptions } from './accounts.service.js';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.js';
import { IdentityMsController } from './identity.ms.controller.js';

/** The identity service: accounts, sessions and API keys, answered over the bus. */
@Module({})
export class IdentityModule implements OnModuleInit {
  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly repository: IdentityRepository,
    private readonly accounts: AccountsService,
  ) {}

  static register(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [IdentityMsController],
      providers: [IdentityRepository, AccountsService, { provide: IDENTITY_OPTIONS, useValue: options }],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.connection.migrate(identityMigrations);
    if (!this.options.seedDemoAccounts) return;
    for (const account of demoAccounts) {
      if (!(await this.repository.findUserByEmail(account.email))) await this.accounts.createUser(account);
    }
    new Logger('identity').log(
      `Demo accounts (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => `${a.role} ${a.email}`).join(', ')}`,
    );
  }
}
