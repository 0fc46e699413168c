import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { natsConnectionOf } from '@aftersales/shared-messaging';

/**
 * NATS answers a round trip. The check keeps a connection of its own, so it says what a new request from
 * this pod would meet, whatever state the app's other connections are in.
 */
@Injectable()
export class NatsHealth implements OnApplicationShutdown {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly indicator: HealthIndicatorService,
  ) {}

  static async connect(url: string, indicator: HealthIndicatorService): Promise<NatsHealth> {
    return new NatsHealth(
      await connect({ ...natsConnectionOf(url), name: 'health', maxReconnectAttempts: -1 }),
      indicator,
    );
  }

  check(timeoutMs: number) {
    return this.indicator
      .check('nats')
      .attempt(async () => {
        // While the server is gone the client is reconnecting and the round trip waits: the timeout says down.
        await this.connection.flush();
      })
      .withTimeout(timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
