import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DATABASE_CONNECTION, type DatabaseConnection } from '@aftersales/shared-persistence';
import type { EventBus } from './event-bus.js';
import { InProcessEventBus } from './in-process-event-bus.js';
import { JetStreamEventBus, type JetStreamOptions } from './jetstream-event-bus.js';

export const EVENT_BUS = Symbol('EventBus');

/** The event bus of a process: in the embedded database, or JetStream. */
@Global()
@Module({})
export class EventBusModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_BUS) private readonly bus: EventBus) {}

  static inProcess(): DynamicModule {
    return {
      module: EventBusModule,
      providers: [
        {
          provide: EVENT_BUS,
          inject: [DATABASE_CONNECTION],
          useFactory: (connection: DatabaseConnection) => InProcessEventBus.open(connection),
        },
      ],
      exports: [EVENT_BUS],
    };
  }

  static jetStream(options: JetStreamOptions): DynamicModule {
    return {
      module: EventBusModule,
      providers: [{ provide: EVENT_BUS, useFactory: () => JetStreamEventBus.connect(options) }],
      exports: [EVENT_BUS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
