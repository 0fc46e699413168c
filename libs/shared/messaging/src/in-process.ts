import { Logger } from '@nestjs/common';
import {
  BaseRpcContext,
  ClientProxy,
  type CustomTransportStrategy,
  NatsRecord,
  type PacketId,
  type ReadPacket,
  Server,
  type WritePacket,
} from '@nestjs/microservices';
import type { Broadcasts } from './broadcasts.js';

type Respond = (packet: WritePacket) => void;

/** A request as it crosses the broker: the payload and, apart from it, the headers (metadata). */
type InProcessPacket = ReadPacket & PacketId & { headers: Record<string, string> };

/** What crosses the wire in the distributed mode is JSON; the embedded mode keeps exactly that contract. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The embedded mode's stand-in for NATS core request/reply: clients and servers in one process meet here.
 * Each request is answered by the first attached server that has a handler for its subject.
 */
export class InProcessBroker {
  private readonly logger = new Logger(InProcessBroker.name);
  private readonly servers = new Set<InProcessServer>();
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();

  attach(server: InProcessServer): void {
    this.servers.add(server);
  }

  detach(server: InProcessServer): void {
    this.servers.delete(server);
  }

  request(packet: InProcessPacket, respond: Respond): void {
    const server = [...this.servers].find((s) => s.handles(packet.pattern));
    if (!server) {
      respond({ err: `No service answers ${String(packet.pattern)}`, isDisposed: true });
      return;
    }
    server.dispatch(overTheWire(packet), (reply) => respond(overTheWire(reply)));
  }

  /**
   * Calls every listener before it returns, so a reply sent afterwards finds the notice handled. A listener
   * that fails on a notice is reported and skipped, as on NATS, so it fails neither the others nor the sender.
   */
  broadcast(subject: string, data: unknown): void {
    for (const handler of this.listeners.get(subject) ?? []) {
      try {
        handler(overTheWire(data));
      } catch (failure) {
        this.logger.error(`Dropped a notice on ${subject} it could not handle: ${String(failure)}`);
      }
    }
  }

  listen(subject: string, handler: (data: unknown) => void): () => void {
    const handlers = this.listeners.get(subject) ?? new Set();
    this.listeners.set(subject, handlers.add(handler));
    return () => handlers.delete(handler);
  }

  publish(packet: ReadPacket): void {
    for (const server of this.servers) {
      if (server.handles(packet.pattern)) void server.deliver(overTheWire(packet));
    }
  }
}

export class InProcessServer extends Server implements CustomTransportStrategy {
  constructor(private readonly broker: InProcessBroker) {
    super();
  }

  handles(pattern: string): boolean {
    return this.getHandlerByPattern(pattern) !== null;
  }

  dispatch(packet: InProcessPacket, respond: Respond): void {
    const handler = this.getHandlerByPattern(packet.pattern);
    // The same arguments as NATS hands over: the subject, then the headers.
    const context = new BaseRpcContext([packet.pattern, new Map(Object.entries(packet.headers))]);
    if (!handler) {
      respond({ err: `No handler for ${String(packet.pattern)}`, isDisposed: true });
      return;
    }
    this.handleRequest(
      context,
      async () => this.transformToObservable(await handler(packet.data, context)),
      respond,
    );
  }

  deliver(packet: ReadPacket): Promise<unknown> {
    return this.handleEvent(packet.pattern, packet, new BaseRpcContext([packet.pattern]));
  }

  listen(callback: () => void): void {
    this.broker.attach(this);
    callback();
  }

  close(): void {
    this.broker.detach(this);
  }

  on(): never {
    throw new Error('The in-process transport has no connection events');
  }

  unwrap<T>(): T {
    return this.broker as T;
  }
}

export class InProcessClient extends ClientProxy implements Broadcasts {
  constructor(private readonly broker: InProcessBroker) {
    super();
  }

  async connect(): Promise<void> {}

  close(): void {}

  unwrap<T>(): T {
    return this.broker as T;
  }

  async broadcast(subject: string, data: unknown): Promise<void> {
    this.broker.broadcast(subject, data);
  }

  listen(subject: string, handler: (data: unknown) => void): () => void {
    return this.broker.listen(subject, handler);
  }

  /** Nothing lies between the processes' parts, so no notice can be missed. */
  onGap(): void {}

  protected publish(packet: ReadPacket, callback: Respond): () => void {
    const { data, headers = {} } =
      packet.data instanceof NatsRecord
        ? (packet.data as NatsRecord<unknown, Record<string, string>>)
        : { data: packet.data };
    this.broker.request(
      this.assignPacketId({ pattern: packet.pattern, data, headers } as ReadPacket) as InProcessPacket,
      callback,
    );
    return () => undefined;
  }

  protected async dispatchEvent<T>(packet: ReadPacket): Promise<T> {
    this.broker.publish(packet);
    return undefined as T;
  }
}
