import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { type DatabaseConnection, rowsOf } from '@aftersales/shared-persistence';
import { busConsumers, busMessages } from './bus-tables.js';
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
  subjectMatches,
  DEFAULT_DUPLICATE_WINDOW_MS,
} from './event-bus.js';

const DEAD_LETTER_STREAM = 'deadletter';

export const busMigrations = {
  folder: fileURLToPath(new URL('../../migrations', import.meta.url)),
  schema: 'bus',
};

/**
 * The embedded mode's event bus, with JetStream's guarantees: messages are stored in the embedded
 * database (PGlite, whose single connection serializes writers), deduplicated by id within the stream's
 * window, and delivered to each durable consumer in stream order, at least once, with the consumer's
 * position stored after the handler succeeds.
 */
export class InProcessEventBus implements EventBus {
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly streamOfSubject = new Map<string, string>();
  private readonly duplicateWindowMs = new Map<string, number>([
    [DEAD_LETTER_STREAM, DEFAULT_DUPLICATE_WINDOW_MS],
  ]);
  private readonly published = new EventEmitter().setMaxListeners(0);

  private constructor(private readonly connection: DatabaseConnection) {}

  static async open(connection: DatabaseConnection): Promise<InProcessEventBus> {
    await connection.migrate(busMigrations);
    return new InProcessEventBus(connection);
  }

  async ensureStream(spec: EventStreamSpec): Promise<void> {
    for (const type of spec.eventTypes) {
      this.streamOfSubject.set(eventSubject(spec.service, type), spec.service);
    }
    this.duplicateWindowMs.set(spec.service, spec.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS);
  }

  async publish(message: BusMessage, options: PublishOptions = {}): Promise<PublishAck> {
    const stream = message.subject.startsWith(deadLetterSubject(''))
      ? DEAD_LETTER_STREAM
      : this.streamOfSubject.get(message.subject);
    if (!stream) throw new Error(`No stream takes ${message.subject}`);
    const windowMs = this.duplicateWindowMs.get(stream)!;
    const expected = options.expectedLastSequence ?? null;
    const [outcome] = rowsOf<{ stored: string | null; first: string | null; last: string }>(
      await this.connection.db.execute(sql`
        with first as (
          select min(seq) as seq from bus.messages
          where stream = ${stream} and message_id = ${message.id}
            and stored_at > now() - ${windowMs} * interval '1 millisecond'),
        last as (select coalesce(max(seq), 0) as seq from bus.messages where stream = ${stream}),
        stored as (
          insert into bus.messages (stream, subject, message_id, data)
          select ${stream}, ${message.subject}, ${message.id}, ${JSON.stringify(message.data)}::jsonb
          from first, last
          where first.seq is null and (${expected}::bigint is null or last.seq = ${expected}::bigint)
          returning seq)
        select (select seq from stored)::text as stored, first.seq::text as first, last.seq::text as last
        from first, last`),
    );
    if (outcome!.first !== null) return { duplicate: true, sequence: Number(outcome!.first) };
    if (outcome!.stored === null) {
      throw new Error(`Stream ${stream} ends at ${outcome!.last}, not at ${expected}: refused`);
    }
    this.published.emit(stream);
    return { duplicate: false, sequence: Number(outcome!.stored) };
  }

  async lastSequence(service: string): Promise<number> {
    const [last] = rowsOf<{ seq: string }>(
      await this.connection.db.execute(
        sql`select coalesce(max(seq), 0)::text as seq from bus.messages where stream = ${service}`,
      ),
    );
    return Number(last!.seq);
  }

  async consume(
    spec: ConsumerSpec,
    handler: (delivery: Delivery) => Promise<void>,
  ): Promise<RunningConsumer> {
    const { db } = this.connection;
    await db
      .insert(busConsumers)
      .values({ durable: spec.durable, stream: spec.service, ackedSeq: 0n })
      .onConflictDoNothing();
    let running = true;
    let wake = () => {};
    const onPublish = () => wake();
    this.published.on(spec.service, onPublish);

    const loop = (async () => {
      while (running) {
        try {
          const [consumer] = await db
            .select()
            .from(busConsumers)
            .where(eq(busConsumers.durable, spec.durable));
          const batch = await db
            .select()
            .from(busMessages)
            .where(and(eq(busMessages.stream, spec.service), gt(busMessages.seq, consumer!.ackedSeq)))
            .orderBy(asc(busMessages.seq))
            .limit(100);
          if (batch.length === 0) {
            const controller = new AbortController();
            wake = () => controller.abort();
            await sleep(1_000, undefined, { signal: controller.signal }).catch(() => undefined);
            continue;
          }
          for (const row of batch) {
            if (!running) break;
            if (subjectMatches(spec.filterSubject, row.subject)) {
              await this.deliver(
                spec,
                { subject: row.subject, id: row.messageId, data: row.data },
                handler,
                () => running,
              );
            }
            if (!running) break;
            await db
              .update(busConsumers)
              .set({ ackedSeq: row.seq })
              .where(eq(busConsumers.durable, spec.durable));
          }
        } catch (error) {
          // A database error must not end the consumer: report it and try again in a moment.
          this.logger.error(`Consumer ${spec.durable}: ${String(error)}`);
          await sleep(1_000);
        }
      }
    })();

    return {
      stop: async () => {
        running = false;
        this.published.off(spec.service, onPublish);
        wake();
        await loop;
      },
    };
  }

  async close(): Promise<void> {
    this.published.removeAllListeners();
  }

  private async deliver(
    spec: ConsumerSpec,
    message: BusMessage,
    handler: (delivery: Delivery) => Promise<void>,
    running: () => boolean,
  ): Promise<void> {
    const maxDeliver = spec.maxDeliver ?? consumerDefaults.maxDeliver;
    for (let deliveryCount = 1; running(); deliveryCount++) {
      try {
        await handler({ ...message, deliveryCount });
        return;
      } catch (error) {
        const last = deliveryCount >= maxDeliver || error instanceof PermanentDeliveryError;
        if (last && (await this.deadLetter(spec, message, deliveryCount, error))) return;
        await sleep(retryDelay(spec, Math.min(deliveryCount, maxDeliver)));
      }
    }
  }

  /** Whether the dead letter is stored; if not, the message is delivered again, as JetStream would. */
  private async deadLetter(
    spec: ConsumerSpec,
    message: BusMessage,
    deliveries: number,
    error: unknown,
  ): Promise<boolean> {
    const letter: DeadLetter = { consumer: spec.durable, message, deliveries, error: String(error) };
    try {
      await this.publish({
        subject: deadLetterSubject(spec.durable),
        id: `${spec.durable}:${message.id}`,
        data: letter,
      });
      return true;
    } catch (failure) {
      this.logger.error(
        `Consumer ${spec.durable}: ${message.id} could not reach the dead letters, delivering it again: ${String(failure)}`,
      );
      return false;
    }
  }
}
