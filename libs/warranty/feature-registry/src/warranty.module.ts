import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { warrantyEventTypes } from '@aftersales/contracts/warranty';
import { OutboxRelay } from '@aftersales/shared-event-store';
import { EVENT_BUS, type EventBus, eventSubject } from '@aftersales/shared-messaging';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
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
 * The warranty service: device registry, warranty policy and the service network, answered over the bus;
 * repair-point changes leave through the outbox to the event bus.
 */
@Module({})
export class WarrantyModule implements OnModuleInit, OnModuleDestroy {
  private relay?: OutboxRelay;

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(WARRANTY_OPTIONS) private readonly options: WarrantyOptions,
    private readonly devices: DeviceRepository,
    private readonly network: ServiceNetworkService,
    private readonly points: RepairPointRepository,
  ) {}

  static register(options: WarrantyOptions): DynamicModule {
    return {
      module: WarrantyModule,
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

  async onModuleInit(): Promise<void> {
    await this.connection.migrate(warrantyMigrations);
    await this.bus.ensureStream({ service: 'warranty', eventTypes: warrantyEventTypes });
    if (this.options.seedDemoData) await this.seedDemoData();
    const logger = new Logger('warranty');
    this.relay = new OutboxRelay(
      this.connection.db,
      'warranty',
      async (event) => {
        await this.bus.publish({
          subject: eventSubject('warranty', event.type),
          id: event.eventId,
          data: event,
        });
      },
      { onError: (error) => logger.warn(`Outbox relay: ${String(error)}; it tries again`) },
    );
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay?.stop();
  }

  private async seedDemoData(): Promise<void> {
    await this.devices.setMissingPolicies(demoPolicies);
    await this.devices.registerNew(demoDevices(new Date()));
    for (const { id, input } of demoRepairPoints) {
      if (!(await this.points.find(id))) await this.network.register(id, input, 'service:warranty');
    }
  }
}
