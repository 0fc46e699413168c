import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { BROADCASTS } from './broadcasts.js';
import { InProcessBroker, InProcessClient } from './in-process.js';
import { NatsClient, type NatsConnectionOptions } from './nats.js';
import { BUS_CLIENT, ServiceClient } from './service-client.js';

/** The bus client of a process: in-process in the embedded mode, NATS in the distributed one. */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(BUS_CLIENT) private readonly client: ClientProxy) {}

  static inProcess(broker: InProcessBroker): DynamicModule {
    return MessagingModule.with(() => new InProcessClient(broker));
  }

  static nats(options: NatsConnectionOptions): DynamicModule {
    return MessagingModule.with(() => new NatsClient(options));
  }

  private static with(createClient: () => InProcessClient | NatsClient): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: BUS_CLIENT, useFactory: createClient },
        { provide: BROADCASTS, useExisting: BUS_CLIENT },
        ServiceClient,
      ],
      exports: [BUS_CLIENT, BROADCASTS, ServiceClient],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
