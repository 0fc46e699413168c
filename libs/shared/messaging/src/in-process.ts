import {
  BaseRpcContext,
  ClientProxy,
  type CustomTransportStrategy,
  type PacketId,
  type ReadPacket,
  Server,
  type WritePacket,
} from '@nestjs/microservices';
import type { Broadcasts } from './broadcasts.js';

type Respond = (packet: WritePacket) => void;

/** What crosses the wire in the distributed mode is JSON; the embedded mode keeps exactly that contract. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * The embedded mode's stand-in for NATS core request/reply: clients and servers in one process meet here.
 * Each request is answered by the first attached server that has a handler for its subject.
 */
export class InProcessBroker {
  private readonly servers = new Set<InProcessServer>();
  private readonly listeners = new Map<string, Set<(data: unknown) => void>>();

  attach(server: InProcessServer): void {
    this.servers.add(server);
  }

  detach(server: InProcessServer): void {
    this.servers.delete(server);
  }

  request(packet: ReadPacket & PacketId, respond: Respond): void {
    const server = [...this.servers].find((s) => s.handles(packet.pattern));
    if (!server) {
      respond({ err: `No service answers ${String(packet.pattern)}`, isDisposed: true });
      return;
    }
    server.dispatch(overTheWire(packet), (reply) => respond(overTheWire(reply)));
  }

  /** Calls every listener before it returns, so a reply sent afterwards finds the notice handled. */
  broadcast(subject: string, data: unknown): void {
    for (const handler of this.listeners.get(subject) ?? []) handler(overTheWire(data));
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

  dispatch(packet: ReadPacket & PacketId, respond: Respond): void {
    const handler = this.getHandlerByPattern(packet.pattern);
    const context = new BaseRpcContext([packet.pattern]);
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
    this.broker.request(this.assignPacketId(packet), callback);
    return () => undefined;
  }

  protected async dispatchEvent<T>(packet: ReadPacket): Promise<T> {
    this.broker.publish(packet);
    return undefined as T;
  }
}
