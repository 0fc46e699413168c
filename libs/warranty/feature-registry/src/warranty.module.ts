import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import { warrantyEvents } from '@aftersales/contracts/warranty';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import {
  DeviceRepository,
  demoDevices,
  demoPolicies,
  demoRepairPoints,
  ImportRepository,
  RepairPointRepository,
  warrantyMigrations,
} from '@aftersales/warranty-data-access';
import { DeviceImportService } from './device-import.service.js';
import { ServiceNetworkService } from './service-network.service.js';
import { WarrantyMsController } from './warranty.ms.controller.js';
import { WarrantyService } from './warranty.service.js';

export interface WarrantyOptions {
  /** Registers the demo machines, policies and repair points that are missing, for trying the product out. */
  seedDemoData: boolean;
}

const WARRANTY_OPTIONS = Symbol('WarrantyOptions');

/**
 * The warranty service: device registry, warranty policy and the service network, answered over the bus.
 * Repair points are event-sourced on the kit, and their events leave through the outbox.
 */
@Module({})
export class WarrantyModule implements OnModuleInit {
  constructor(
    @Inject(WARRANTY_OPTIONS) private readonly options: WarrantyOptions,
    private readonly devices: DeviceRepository,
    private readonly network: ServiceNetworkService,
    private readonly points: RepairPointRepository,
  ) {}

  static register(options: WarrantyOptions): DynamicModule {
    return {
      module: WarrantyModule,
      imports: [
        EventSourcedServiceModule.register({
          service: 'warranty',
          migrations: warrantyMigrations,
          publishes: Object.values(warrantyEvents),
        }),
      ],
      controllers: [WarrantyMsController],
      providers: [
        DeviceRepository,
        ImportRepository,
        RepairPointRepository,
        WarrantyService,
        ServiceNetworkService,
        DeviceImportService,
        { provide: WARRANTY_OPTIONS, useValue: options },
      ],
    };
  }

  /** Runs after the kit has migrated the schema: imported modules start first. */
  async onModuleInit(): Promise<void> {
    if (this.options.seedDemoData) await this.seedDemoData();
  }

  private async seedDemoData(): Promise<void> {
    const now = new Date();
    await this.devices.setMissingPolicies(demoPolicies);
    await this.devices.registerNew(demoDevices(now));
    for (const { id, input } of demoRepairPoints) {
      if (await this.points.find(id)) continue;
      // A seed names its commands, so that two replicas seeding at once register each point once.
      const commandId = `seed-repair-point-${id}`;
      await this.network.register(id, input, {
        actor: 'service:warranty',
        commandId,
        correlationId: commandId,
        causationId: commandId,
        now: now.toISOString(),
      });
    }
  }
}
