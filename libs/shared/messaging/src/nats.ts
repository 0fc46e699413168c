import { ClientNats, type MsPattern, type NatsOptions, ServerNats } from '@nestjs/microservices';

export interface NatsConnectionOptions {
  url: string;
  /**
   * Prefixes every subject, so that several deployments, or test runs, share one NATS server without
   * answering each other's requests.
   */
  namespace?: string;
}

function namespaced(namespace: string | undefined, subject: string): string {
  return namespace ? `${namespace}.${subject}` : subject;
}

function natsOptions(options: NatsConnectionOptions): NatsOptions['options'] {
  return { servers: [options.url] };
}

export class NatsClient extends ClientNats {
  constructor(private readonly connection: NatsConnectionOptions) {
    super(natsOptions(connection) ?? {});
  }

  protected override normalizePattern(pattern: MsPattern): string {
    return namespaced(this.connection.namespace, super.normalizePattern(pattern));
  }
}

export class NatsServer extends ServerNats {
  /** `queue` is the service name: replicas of one service share its requests. */
  constructor(
    private readonly connection: NatsConnectionOptions,
    queue: string,
  ) {
    super({ ...natsOptions(connection), queue });
  }

  override addHandler(...[pattern, ...rest]: Parameters<ServerNats['addHandler']>): void {
    super.addHandler(namespaced(this.connection.namespace, this.normalizePattern(pattern)), ...rest);
  }
}
