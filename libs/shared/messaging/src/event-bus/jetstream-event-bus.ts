import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  type ConsumerConfig,
  DeliverPolicy,
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { metrics } from '@aftersales/shared-metrics';
import { natsConnectionOf } from '../nats-url.js';
import {
  type BusMessage,
  type ConsumerSpec,
  consumerDefaults,
  type DeadLetter,
  deadLetterSubject,
  type Delivery,
  type EventBus,
  type EventStreamSpec,
  eventSubject,
  PermanentDeliveryError,
  type PublishAck,
  type PublishOptions,
  retryDelay,
  type RunningConsumer,
} from './event-bus.js';

export interface JetStreamOptions {
  url: string;
  /** Prefixes subjects and stream names, as for request/reply. */
  namespace?: string;
  /** How long a publish waits for the stream's acknowledgement. */
  publishTimeoutMs?: number;
  /** Copies of each stream in a JetStream cluster (3 on Kubernetes' 3-node NATS); 1 on a single server. */
  replicas?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the streams keep, set rather than left to the server's unlimited defaults. A service's events stay
 * in its event store for good; its stream is how other services learn of them, and a year covers any
 * consumer's outage. Dead letters are for an operator to look at within a month. The limits count messages,
 * not bytes: JetStream reserves a stream's byte limit on the server up front, whether used or not.
 */
export const streamRetention = {
  events: { maxAgeMs: 365 * DAY_MS, maxMessages: 50_000_000, maxMessageBytes: 2 ** 20 },
  deadLetters: { maxAgeMs: 30 * DAY_MS, maxMessages: 1_000_000, maxMessageBytes: 2 ** 20 },
};

const MSG_ID = 'Nats-Msg-Id';

export class JetStreamEventBus implements EventBus {
  private readonly logger = new Logger(JetStreamEventBus.name);
  /** What each running consumer does when the connection is back after an outage. */
  private readonly onReconnect = new Set<() => void>();

  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamOptions,
  ) {}

  static async connect(options: JetStreamOptions): Promise<JetStreamEventBus> {
    const connection = await connect({ ...natsConnectionOf(options.url), maxReconnectAttempts: -1 });
    const bus = new JetStreamEventBus(
      connection,
      jetstream(connection),
      await jetstreamManager(connection),
      options,
    );
    await bus.upsertStream(
      bus.streamName('deadletter'),
      [bus.subject(deadLetterSubject('>'))],
      streamRetention.deadLetters,
    );
    void bus.watchReconnects();
    return bus;
  }

  async ensureStream(spec: EventStreamSpec): Promise<void> {
    const subjects = spec.eventTypes.map((type) => this.subject(eventSubject(spec.service, type)));
    await this.upsertStream(
      this.streamName(spec.service),
      subjects,
      streamRetention.events,
      spec.duplicateWindowMs,
    );
  }

  async publish(message: BusMessage, options: PublishOptions = {}): Promise<PublishAck> {
    const { expectedLastSequence } = options;
    const ack = await this.js.publish(this.subject(message.subject), JSON.stringify(message.data), {
      msgID: message.id,
      timeout: this.options.publishTimeoutMs ?? 5_000,
      ...(expectedLastSequence === undefined ? {} : { expect: { lastSequence: expectedLastSequence } }),
    });
    return { duplicate: ack.duplicate, sequence: ack.seq };
  }

  async lastSequence(service: string): Promise<number> {
    const info = await this.jsm.streams.info(this.streamName(service));
    return info.state.last_seq;
  }

  async consume(
    spec: ConsumerSpec,
    handler: (delivery: Delivery) => Promise<void>,
  ): Promise<RunningConsumer> {
    const stream = this.streamName(spec.service);
    const settings = {
      filter_subject: this.subject(spec.filterSubject),
      // Unbounded on the server, counted here: a message the server stopped delivering after its last
      // attempt would be lost whenever that attempt died or its move to the dead letters failed.
      max_deliver: -1,
      ack_wait: nanos(spec.ackWaitMs ?? consumerDefaults.ackWaitMs),
      // One message in flight keeps the stream's order through redeliveries.
      max_ack_pending: 1,
    };
    const config = {
      durable_name: spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...settings,
    };
    await this.jsm.consumers
      .add(stream, config)
      // The settings only: a consumer restarted after a stream loss keeps its start sequence.
      .catch(() => this.jsm.consumers.update(stream, spec.durable, settings));
    const restartAt = await this.restartPoint(stream, spec.durable);
    if (restartAt !== undefined) await this.restart(stream, config, restartAt);
    let pulling = await this.pull(stream, spec, handler);

    let running = true;
    const persistently = <T>(step: () => Promise<T>) => this.persistently(spec.durable, () => running, step);
    // NATS may come back from an outage with a shorter stream, so each reconnect checks the position
    // again; a restart waits for the delivery in flight, one reconnect after the other.
    let reattached = Promise.resolve();
    const reattach = () => {
      reattached = reattached.then(async () => {
        const restartAt = await persistently(() => this.restartPoint(stream, spec.durable));
        if (restartAt === undefined) return;
        await pulling.stop();
        await persistently(() => this.restart(stream, config, restartAt));
        // Undefined once the consumer stopped meanwhile: then the stopped pull stays.
        pulling = (await persistently(() => this.pull(stream, spec, handler))) ?? pulling;
      });
    };
    this.onReconnect.add(reattach);
    return {
      stop: async () => {
        running = false;
        this.onReconnect.delete(reattach);
        await reattached;
        await pulling.stop();
      },
    };
  }

  private async pull(stream: string, spec: ConsumerSpec, handler: (d: Delivery) => Promise<void>) {
    const messages = await (await this.js.consumers.get(stream, spec.durable)).consume({ max_messages: 1 });
    const loop = (async () => {
      for await (const message of messages) {
        // A lost ack or nak needs no handling: JetStream delivers the message again after ack_wait.
        await this.deliver(spec, message, handler).catch(() => undefined);
      }
    })().catch((error: unknown) => {
      if (!this.connection.isClosed())
        this.logger.error(`Consumer ${spec.durable} stopped: ${String(error)}`);
    });
    return {
      stop: async () => {
        await messages.close();
        await loop;
      },
    };
  }

  /**
   * Where a durable consumer has to start again, if it delivered past the stream's end. A stream that
   * came back from a crash without its last messages stores what is published next at sequences the
   * consumer passed, and nats-server 2.9 would have it skip them: the events the outbox relay publishes
   * again, among them ones the consumer never saw, such as an append that committed after a later one.
   */
  private async restartPoint(stream: string, durable: string): Promise<number | undefined> {
    // The stream first: its end read before the consumer's position is behind that position only when
    // the stream lost messages or the consumer passed the end since, where starting over redelivers.
    const { state } = await this.jsm.streams.info(stream);
    const { delivered } = await this.jsm.consumers.info(stream, durable);
    if (delivered.stream_seq <= state.last_seq) return undefined;
    this.logger.warn(
      `Consumer ${durable} delivered up to ${delivered.stream_seq} but ${stream} ends at ` +
        `${state.last_seq}: the stream lost messages; starting the consumer again at ${state.last_seq + 1}`,
    );
    return state.last_seq + 1;
  }

  /** Recreates the consumer to deliver from `sequence` on; consumers are idempotent, so it may redeliver. */
  private async restart(
    stream: string,
    config: Partial<ConsumerConfig> & { durable_name: string },
    sequence: number,
  ): Promise<void> {
    // Already gone when an earlier attempt was cut short after the deletion.
    await this.jsm.consumers.delete(stream, config.durable_name).catch(() => false);
    await this.jsm.consumers.add(stream, {
      ...config,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: sequence,
    });
  }

  /**
   * Runs `step` until it succeeds or the consumer or the connection stops, pausing longer after each
   * failure: right after a reconnect, JetStream may not answer yet.
   */
  private async persistently<T>(
    durable: string,
    running: () => boolean,
    step: () => Promise<T>,
  ): Promise<T | undefined> {
    const going = () => running() && !this.connection.isClosed();
    for (let pauseMs = 100; going(); pauseMs = Math.min(pauseMs * 2, 5_000)) {
      try {
        return await step();
      } catch (error) {
        this.logger.error(`Consumer ${durable}: ${String(error)}; trying again`);
        await sleep(pauseMs);
      }
    }
    return undefined;
  }

  private async watchReconnects(): Promise<void> {
    for await (const status of this.connection.status()) {
      if (status.type === 'reconnect') this.onReconnect.forEach((reattach) => reattach());
    }
  }

  /** Closes the connection at once; stop the consumers first to let their handlers finish. */
  async close(): Promise<void> {
    await this.connection.close();
  }

  private async deliver(spec: ConsumerSpec, message: JsMsg, handler: (d: Delivery) => Promise<void>) {
    const maxDeliver = spec.maxDeliver ?? consumerDefaults.maxDeliver;
    const delivery = {
      subject: this.unprefixed(message.subject),
      id: message.headers?.get(MSG_ID) ?? `${message.info.stream}:${message.seq}`,
      deliveryCount: message.info.deliveryCount,
    };
    if (delivery.deliveryCount > 1) metrics.redeliveries.inc({ consumer: spec.durable });
    let data: unknown;
    try {
      data = message.json();
    } catch (error) {
      // No delivery will ever parse it: retrying would only hold back every message behind it.
      this.logger.error(`Consumer ${spec.durable}: ${delivery.id} is not JSON (${String(error)})`);
      await this.deadLetter(spec, message, { ...delivery, data: message.string() }, 'Not JSON');
      return;
    }
    try {
      await handler({ ...delivery, data });
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      if (!permanent && delivery.deliveryCount < maxDeliver) {
        message.nak(retryDelay(spec, delivery.deliveryCount));
      } else await this.deadLetter(spec, message, { ...delivery, data }, String(error));
      return;
    }
    await message.ackAck();
  }

  /** Terminates the message once its dead letter is stored; until then it is delivered again. */
  private async deadLetter(spec: ConsumerSpec, message: JsMsg, failed: Delivery, error: string) {
    metrics.deadLetters.inc({ consumer: spec.durable });
    const { deliveryCount, ...delivered } = failed;
    const letter: DeadLetter = {
      consumer: spec.durable,
      message: delivered,
      deliveries: deliveryCount,
      error,
    };
    try {
      await this.publish({
        subject: deadLetterSubject(spec.durable),
        id: `${spec.durable}:${failed.id}`,
        data: letter,
      });
    } catch (failure) {
      this.logger.error(
        `Consumer ${spec.durable}: ${failed.id} could not reach the dead letters, delivering it again: ${String(failure)}`,
      );
      message.nak(retryDelay(spec, spec.maxDeliver ?? consumerDefaults.maxDeliver));
      return;
    }
    // No reason text: nats-server 2.9 ignores a TERM that carries one, and redelivers after ack_wait.
    message.term();
  }

  private async upsertStream(
    name: string,
    subjects: string[],
    limits: { maxAgeMs: number; maxMessages: number; maxMessageBytes: number },
    duplicateWindowMs?: number,
  ): Promise<void> {
    const config = {
      name,
      subjects,
      max_age: nanos(limits.maxAgeMs),
      max_msgs: limits.maxMessages,
      max_msg_size: limits.maxMessageBytes,
      discard: DiscardPolicy.Old,
      num_replicas: this.options.replicas ?? 1,
      ...(duplicateWindowMs === undefined ? {} : { duplicate_window: nanos(duplicateWindowMs) }),
    };
    const current = await this.jsm.streams.info(name).catch(() => undefined);
    if (!current) {
      await this.jsm.streams.add(config);
      return;
    }
    const merged = [...new Set([...current.config.subjects, ...subjects])];
    await this.jsm.streams.update(name, { ...config, subjects: merged });
  }

  private streamName(service: string): string {
    const name = `AFTERSALES_${service.toUpperCase().replaceAll('-', '_')}`;
    return this.options.namespace ? `${this.options.namespace.toUpperCase()}_${name}` : name;
  }

  private subject(subject: string): string {
    return this.options.namespace ? `${this.options.namespace}.${subject}` : subject;
  }

  private unprefixed(subject: string): string {
    const prefix = this.options.namespace ? `${this.options.namespace}.` : '';
    return subject.startsWith(prefix) ? subject.slice(prefix.length) : subject;
  }
}
