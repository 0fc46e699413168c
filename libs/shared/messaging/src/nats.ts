import { headers as natsHeaders, type MsgHdrs, type NatsConnection } from '@nats-io/nats-core';
import {
  ClientNats,
  type MessageHandler,
  type MsPattern,
  type NatsOptions,
  type ReadPacket,
  ServerNats,
  type WritePacket,
} from '@nestjs/microservices';
import type { Broadcasts } from './broadcasts.js';
import { SendsPerTurn } from './sends-per-turn.js';
import { REPLY_TIMEOUT_MS } from './service-client.js';
import { natsConnectionOf } from './nats-url.js';

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
  return {
    ...natsConnectionOf(options.url),
    // Async traces build an Error for every request to improve a rare stack trace; under load that showed.
    noAsyncTraces: true,
    // A service outlives any NATS outage: it keeps one connection, and with it its subscriptions, for good.
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
  };
}

/** The service client hands metadata over as a plain record; on the wire they are NATS headers. */
function toNatsHeaders(record: Record<string, string> | undefined): MsgHdrs | undefined {
  if (!record) return undefined;
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(record)) headers.set(name, value);
  return headers;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class NatsClient extends ClientNats implements Broadcasts {
  private readonly gapHandlers: (() => void)[] = [];
  private readonly requests = new SendsPerTurn();

  constructor(private readonly connection: NatsConnectionOptions) {
    super(natsOptions(connection) ?? {});
    this.on('disconnect', () => this.gapHandlers.forEach((handler) => handler()));
  }

  protected override normalizePattern(pattern: MsPattern): string {
    return namespaced(this.connection.namespace, super.normalizePattern(pattern));
  }

  /**
   * Nest subscribes a fresh inbox for every request; the connection's shared inbox (nats.js `request`)
   * spares the server a subscribe and an unsubscribe per call, which was most of its work under load.
   */
  protected override publish(partialPacket: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    const packet = this.assignPacketId(partialPacket);
    const serialized = this.serializer.serialize(packet) as {
      data: Uint8Array;
      headers?: Record<string, string>;
    };
    const handle = this.createSubscriptionHandler(packet, callback);
    let cancelled = false;
    // The caller's own timeout fires first and says which service was slow; this one only frees the inbox.
    this.requests
      .send(() =>
        this.nats().request(this.normalizePattern(packet.pattern), serialized.data, {
          timeout: REPLY_TIMEOUT_MS + 1_000,
          headers: this.mergeHeaders(toNatsHeaders(serialized.headers)),
        }),
      )
      .then((message) => (cancelled ? undefined : handle(null, message)))
      // A failed request, or a reply that does not decode, reaches the caller as its error.
      .catch((error: unknown) => !cancelled && callback({ err: error }));
    return () => {
      cancelled = true;
    };
  }

  async broadcast(subject: string, data: unknown): Promise<void> {
    await this.connect();
    this.nats().publish(namespaced(this.connection.namespace, subject), encoder.encode(JSON.stringify(data)));
    await this.nats().flush();
  }

  listen(subject: string, handler: (data: unknown) => void): () => void {
    let subscription: { unsubscribe(): void } | undefined;
    let stopped = false;
    this.connect().then(
      () => {
        if (stopped) return;
        subscription = this.nats().subscribe(namespaced(this.connection.namespace, subject), {
          callback: (error, message) => {
            if (error) return;
            // nats.js calls this from its socket reader: an exception escaping here would end the reader,
            // and the connection would hear nothing more, replies included.
            try {
              handler(JSON.parse(decoder.decode(message.data)));
            } catch (failure) {
              this.logger.error(`Dropped a notice on ${subject} it could not handle: ${String(failure)}`);
            }
          },
        });
      },
      // Only a client closed before it connected gets here: the connection retries NATS for good.
      (error: unknown) => this.logger.error(`Could not listen to ${subject}: ${String(error)}`),
    );
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }

  onGap(handler: () => void): void {
    this.gapHandlers.push(handler);
  }

  private nats(): NatsConnection {
    return this.natsClient as NatsConnection;
  }
}

/** How long a stopping service waits for the requests it took to be answered. */
const DRAIN_TIMEOUT_MS = 10_000;

export class NatsServer extends ServerNats {
  private inFlight = 0;
  private readonly replies = new SendsPerTurn();
  private readonly idle = new Set<() => void>();

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

  /**
   * Each message arrives on a subject it subscribed to, and those are the handlers' keys as they are. Nest
   * first tries every subject as JSON, which costs a thrown SyntaxError per message.
   */
  override getHandlerByPattern(subject: string): MessageHandler | null {
    return this.messageHandlers.get(subject) ?? null;
  }

  /** Counts a request from when it arrives until its last reply packet is sent. */
  override getPublisher(...args: Parameters<ServerNats['getPublisher']>): (packet: WritePacket) => unknown {
    const send = super.getPublisher(...args);
    const publish = (packet: WritePacket) => this.replies.send(() => send(packet));
    this.inFlight += 1;
    return (packet) => {
      try {
        return publish(packet);
      } finally {
        // The last packet says so; a request no handler takes gets one error packet that does not.
        if (packet.isDisposed || packet.err !== undefined) this.settle();
      }
    };
  }

  /**
   * Stops taking requests (other replicas of the queue group take them from now on), waits until the
   * ones in flight are answered, then closes the connection, before the application closes the
   * database under them.
   */
  override async close(): Promise<void> {
    // Nest keeps its subscriptions private; they are what must end first.
    const { subscriptions = [] } = this as unknown as { subscriptions?: { unsubscribe(): void }[] };
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    if (this.inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
        this.idle.add(() => (clearTimeout(timer), resolve()));
      });
    }
    this.replies.flush();
    await super.close();
  }

  private settle(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const resolve of this.idle) resolve();
  }
}
