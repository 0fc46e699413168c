import { type DynamicModule, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { identityEvents } from '@aftersales/contracts/identity';
import {
  AuditTrailRepository,
  IdentityRepository,
  identityMigrations,
} from '@aftersales/identity-data-access';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import { BROADCASTS, type Broadcasts } from '@aftersales/shared-messaging';
import { AccountsService, IDENTITY_OPTIONS, type IdentityOptions } from './accounts.service.js';
import { AdministrationService } from './administration.service.js';
import { DEMO_PASSWORD, demoAccounts } from './demo-accounts.js';
import { IdentityMsController } from './identity.ms.controller.js';
import { RepairPointConsumer } from './repair-point.consumer.js';

/**
 * The identity service: accounts, sessions and API keys, answered over the bus. Accounts and keys are
 * stored as state; their administration is recorded as events on the kit, which publishes them and keeps
 * the audit trail, and warranty's repair-point events reach it through a consumer.
 */
@Module({})
export class IdentityModule implements OnModuleInit {
  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
    private readonly repository: IdentityRepository,
    private readonly administration: AdministrationService,
    private readonly repairPoints: RepairPointConsumer,
  ) {}

  static register(options: IdentityOptions): DynamicModule {
    const repairPoints = new RepairPointConsumer();
    return {
      module: IdentityModule,
      imports: [
        EventSourcedServiceModule.register({
          service: 'identity',
          migrations: identityMigrations,
          publishes: Object.values(identityEvents),
          consumers: [repairPoints],
        }),
      ],
      controllers: [IdentityMsController],
      providers: [
        IdentityRepository,
        AuditTrailRepository,
        AccountsService,
        AdministrationService,
        { provide: RepairPointConsumer, useValue: repairPoints },
        { provide: IDENTITY_OPTIONS, useValue: options },
      ],
    };
  }

  /** Runs after the kit has migrated the schema: imported modules start first. */
  async onModuleInit(): Promise<void> {
    this.repairPoints.broadcasts = this.broadcasts;
    if (!this.options.seedDemoAccounts) return;
    for (const account of demoAccounts) {
      if (await this.repository.findUserByEmail(account.email)) continue;
      const commandId = `seed-account-${account.email}`;
      await this.administration.createUser(account, {
        actor: 'service:identity',
        commandId,
        correlationId: commandId,
        causationId: commandId,
        now: new Date().toISOString(),
      });
    }
    new Logger('identity').log(
      `Demo accounts (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => `${a.role} ${a.email}`).join(', ')}`,
    );
  }
}
