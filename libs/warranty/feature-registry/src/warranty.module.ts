import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import { DeviceRepository, demoDevices, warrantyMigrations } from '@aftersales/warranty-data-access';
import { WarrantyMsController } from './warranty.ms.controller.js';

export interface WarrantyOptions {
  /** Registers the demo machines that are not registered yet, for trying the product out. */
  seedDemoData: boolean;
}

const WARRANTY_OPTIONS = Symbol('WarrantyOptions');

/** The warranty service: device registry and warranty lookups, answered over the bus. */
@Module({})
export class WarrantyModule implements OnModuleInit {
  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    @Inject(WARRANTY_OPTIONS) private readonly options: WarrantyOptions,
    private readonly devices: DeviceRepository,
  ) {}

  static register(options: WarrantyOptions): DynamicModule {
    return {
      module: WarrantyModule,
      controllers: [WarrantyMsController],
      providers: [DeviceRepository, { provide: WARRANTY_OPTIONS, useValue: options }],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.connection.migrate(warrantyMigrations);
    if (this.options.seedDemoData) await this.devices.registerNew(demoDevices(new Date()));
  }
}
