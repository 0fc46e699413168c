import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { EventContract } from '@aftersales/contracts/common';
import { EVENT_BUS, type EventBus, type RunningConsumer } from '@aftersales/shared-messaging';
import { metrics, onScrape } from '@aftersales/shared-metrics';
import {
  DATABASE_CONNECTION,
  type DatabaseConnection,
  type Migrations,
} from '@aftersales/shared-persistence';
import { type Consumer, consumerHandler } from './consumer.js';
import { EventStore } from './event-store.js';
import { OutboxRelay } from './outbox-relay.js';
import { type Projection, ProjectionRunner } from './projection.js';
import { enforceRetention } from './retention.js';
import { Wakeup } from './wakeup.js';

/** How often a service deletes the bookkeeping it keeps past `retention`. */
const RETENTION_EVERY_MS = 60 * 60 * 1000;

export interface EventSourcedServiceOptions {
  /** The service's name: its database schema and its stream on the bus. */
  service: string;
  migrations: Migrations;
  /** The integration events it publishes, declared in its contracts. */
  publishes: readonly EventContract[];
  /** Read models kept behind the store by one runner per projection at a time. */
  projections?: readonly Projection[];
  /** Its reactions to other services' events. */
  consumers?: readonly Consumer[];
}

export const EVENT_STORE = Symbol('EventStore');
const OPTIONS = Symbol('EventSourcedServiceOptions');

/**
 * Runs the event-sourcing parts of one service: migrates its schema, publishes its outbox, keeps its
 * projections and runs its consumers; on shutdown it stops taking new work, lets what is in flight
 * finish, and only then lets the connections close.
 */
@Injectable()
class EventSourcingRuntime implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: Logger;
  private readonly relay: OutboxRelay;
  private readonly runner: ProjectionRunner;
  private consumers: RunningConsumer[] = [];
  private attaching: Promise<void>[] = [];
  private stopping = false;
  private stopScrapes?: () => void;
  private retention?: NodeJS.Timeout;
  private readonly stopped = new Wakeup();

  constructor(
    @Inject(OPTIONS) private readonly options: EventSourcedServiceOptions,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    const { service } = options;
    this.logger = new Logger(service);
    this.relay = new OutboxRelay(connection.db, service, bus, service, {
      onError: (error) => this.logger.warn(`Outbox relay: ${String(error)}; it tries again`),
    });
    this.runner = new ProjectionRunner(connection.db, service, {
      onError: (projection, error) =>
        this.logger.error(`Projection ${projection}: ${String(error)}; it tries again`),
    });
    this.store.onAppended(() => {
      this.relay.notify();
      this.runner.notify();
    });
  }

  async onModuleInit(): Promise<void> {
    await this.connection.migrate(this.options.migrations);
    await this.bus.ensureStream({
      service: this.options.service,
      eventTypes: this.options.publishes.map((e) => e.type),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    if (this.options.projections?.length) this.runner.start([...this.options.projections]);
    this.stopScrapes = onScrape(() => this.measure());
    this.retention = setInterval(() => void this.enforceRetention(), RETENTION_EVERY_MS).unref();
    void this.enforceRetention();
    this.attaching = (this.options.consumers ?? []).map((consumer) => this.attach(consumer));
  }

  /**
   * Attaches a consumer, and tries again while it cannot: the publishing service may start after this
   * one, and its stream exist only then. The consumer starts at the stream's first event either way.
   */
  private async attach(consumer: Consumer): Promise<void> {
    for (let pauseMs = 100; !this.stopping; pauseMs = Math.min(pauseMs * 2, 5_000)) {
      try {
        const running = await this.bus.consume(
          {
            service: consumer.from,
            durable: `${this.options.service}_${consumer.name}`,
            filterSubject: `aftersales.${consumer.from}.>`,
          },
          consumerHandler(this.store, consumer),
        );
        this.consumers.push(running);
        return;
      } catch (error) {
        this.logger.warn(`Consumer ${consumer.name} of ${consumer.from}: ${String(error)}; it tries again`);
        await this.stopped.pause(pauseMs);
      }
    }
  }

  private async enforceRetention(): Promise<void> {
    try {
      const deleted = await enforceRetention(this.connection.db, this.options.service, new Date());
      if (deleted.outbox + deleted.processedEvents > 0) {
        this.logger.log(
          `Retention: deleted ${deleted.outbox} published outbox rows, ${deleted.processedEvents} processed-event records`,
        );
      }
    } catch (error) {
      this.logger.warn(`Retention: ${String(error)}; it runs again within the hour`);
    }
  }

  /** The outbox backlog and each projection's lag, as of a scrape. */
  private async measure(): Promise<void> {
    const { service } = this.options;
    metrics.outboxBacklog.set({ service }, await this.relay.backlog());
    for (const projection of this.options.projections ?? []) {
      metrics.projectionLag.set({ service, projection: projection.name }, await this.runner.lag(projection));
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopScrapes?.();
    clearInterval(this.retention);
    this.stopping = true;
    this.stopped.notify();
    await Promise.all(this.attaching);
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await Promise.all([this.runner.stop(), this.relay.stop()]);
  }
}

/** The one wiring of an event-sourced service: import it into the service's module. */
@Module({})
export class EventSourcedServiceModule {
  static register(options: EventSourcedServiceOptions): DynamicModule {
    return {
      module: EventSourcedServiceModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: EVENT_STORE,
          inject: [DATABASE_CONNECTION],
          useFactory: (connection: DatabaseConnection) =>
            new EventStore(
              connection.db,
              options.service,
              new Map(options.publishes.map((contract) => [contract.type, contract.version])),
            ),
        },
        EventSourcingRuntime,
      ],
      exports: [EVENT_STORE],
    };
  }
}
