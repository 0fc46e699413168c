import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { natsConnectionOf } from '@aftersales/shared-messaging';

/** What @fastify/rate-limit asks of a store: count one more request of a key within its window. */
export interface RateLimitStore {
  incr(
    key: string,
    callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    timeWindow: number,
    max: number,
  ): void;
  child(routeOptions: unknown): RateLimitStore;
}

/** The class the plugin instantiates; its constructor ignores the plugin's settings. */
export type RateLimitStoreClass = new (settings: unknown) => RateLimitStore;

interface Window {
  count: number;
  /** When the window ends, in ms since the epoch, by the clock of the replica that opened it. */
  endsAt: number;
}

const isLostRace = (error: unknown) =>
  error instanceof JetStreamApiError &&
  (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
    error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown);

/**
 * Counts one request of `key` in a JetStream KV bucket that every gateway replica shares. Each write names
 * the revision it read (`create` / `update`), so two replicas counting at once never lose a request: the
 * loser reads again and counts on the winner's value. A caller already past its limit is not written
 * again, so a flood costs reads only.
 */
export async function countRequest(
  kv: KV,
  key: string,
  windowMs: number,
  max: number,
): Promise<{ current: number; ttl: number }> {
  for (;;) {
    const entry = await kv.get(key);
    const now = Date.now();
    const window = entry?.operation === 'PUT' ? (entry.json<Window>() as Window) : undefined;
    try {
      if (!window || window.endsAt <= now) {
        const fresh: Window = { count: 1, endsAt: now + windowMs };
        if (entry) await kv.update(key, JSON.stringify(fresh), entry.revision);
        else await kv.create(key, JSON.stringify(fresh));
        return { current: 1, ttl: windowMs };
      }
      const ttl = window.endsAt - now;
      if (window.count > max) return { current: window.count + 1, ttl };
      await kv.update(key, JSON.stringify({ ...window, count: window.count + 1 }), entry!.revision);
      return { current: window.count + 1, ttl };
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
}

/**
 * A rate-limit store on a JetStream KV bucket, so that every gateway replica spends the same budgets.
 * Idle keys leave the bucket after `longestWindowMs`; the connection closes with `close`.
 */
export async function natsKvRateLimitStore(options: {
  url: string;
  bucket: string;
  longestWindowMs: number;
}): Promise<{ store: RateLimitStoreClass; close: () => Promise<void> }> {
  // Like the bus client: the gateway waits for NATS at start and keeps its connection through an outage.
  const connection = await connect({
    ...natsConnectionOf(options.url),
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
  });
  const kv = await new Kvm(connection).create(options.bucket, { history: 1, ttl: options.longestWindowMs });
  class NatsKvRateLimitStore implements RateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ): void {
      // KV keys take letters, digits, - and _ only; an IPv6 address has colons.
      countRequest(kv, Buffer.from(key).toString('base64url'), timeWindow, max).then(
        (result) => callback(null, result),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    child(): RateLimitStore {
      return this;
    }
  }
  return { store: NatsKvRateLimitStore, close: () => connection.close() };
}
