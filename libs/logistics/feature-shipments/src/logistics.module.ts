import { type DynamicModule, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { logisticsEvents } from '@aftersales/contracts/logistics';
import { LogisticsRepository, logisticsMigrations, seedCarriers } from '@aftersales/logistics-data-access';
import { EventSourcedServiceModule } from '@aftersales/shared-event-store';
import { LogisticsMsController } from './logistics.ms.controller.js';
import { LOGISTICS_OPTIONS, type LogisticsOptions } from './logistics.options.js';
import { LogisticsService } from './logistics.service.js';
import { ordersConsumer } from './orders.consumer.js';

/**
 * The logistics service, event-sourced on the kit: carriers, and the shipments of repair orders (created
 * from the orders' events) with the checkpoints an aggregator pushes or people record. It seeds the
 * carriers customers use at start.
 */
@Module({})
export class LogisticsModule implements OnModuleInit {
  private readonly logger = new Logger(LogisticsModule.name);

  constructor(@Inject(LogisticsService) private readonly logistics: LogisticsService) {}

  static register(options: LogisticsOptions): DynamicModule {
    return {
      module: LogisticsModule,
      imports: [
        EventSourcedServiceModule.register({
          service: 'logistics',
          migrations: logisticsMigrations,
          publishes: Object.values(logisticsEvents),
          consumers: [ordersConsumer],
        }),
      ],
      controllers: [LogisticsMsController],
      providers: [{ provide: LOGISTICS_OPTIONS, useValue: options }, LogisticsRepository, LogisticsService],
    };
  }

  /** Each seed is one command, named by its carrier: a restart, or a second replica, registers it once. */
  async onModuleInit(): Promise<void> {
    for (const { code, carrier } of seedCarriers) {
      await this.logistics.registerCarrier(code, carrier, {
        actor: 'service:logistics',
        commandId: `seed-carrier-${code}`,
        correlationId: `seed-carrier-${code}`,
        causationId: `seed-carrier-${code}`,
        now: new Date().toISOString(),
      });
    }
    this.logger.log(`Carriers seeded: ${seedCarriers.length}`);
  }
}
