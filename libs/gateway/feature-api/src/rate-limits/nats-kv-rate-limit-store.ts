import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import { type KV, Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { natsConnectionOf } from '@aftersales/shared-messaging';

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What @fastify/rate-limit asks of a store: count one more request of a key within its window. */
export interface RateLimitStore {
  incr(key: string, callback: Counted, timeWindow: number, max: number): void;
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
 * Counts `requests` more requests of `key` in a JetStream KV bucket that every gateway replica shares. Each
 * write names the revision it read (`create` / `update`), so two replicas counting at once never lose a
 * request: the loser reads again and counts on the winner's value. Callers already past their limit are not
 * written again, so a flood costs reads only. Answers the count of the first of the requests.
 */
export async function countRequests(
  kv: KV,
  key: string,
  requests: number,
  windowMs: number,
  max: number,
): Promise<{ first: number; ttl: number }> {
  for (;;) {
    const entry = await kv.get(key);
    const now = Date.now();
    const window = entry?.operation === 'PUT' ? (entry.json<Window>() as Window) : undefined;
    try {
      if (!window || window.endsAt <= now) {
        const fresh: Window = { count: requests, endsAt: now + windowMs };
        if (entry) await kv.update(key, JSON.stringify(fresh), entry.revision);
        else await kv.create(key, JSON.stringify(fresh));
        return { first: 1, ttl: windowMs };
      }
      const ttl = window.endsAt - now;
      if (window.count > max) return { first: window.count + 1, ttl };
      await kv.update(key, JSON.stringify({ ...window, count: window.count + requests }), entry!.revision);
      return { first: window.count + 1, ttl };
    } catch (error) {
      if (!isLostRace(error)) throw error;
    }
  }
}

/**
 * Counts the requests of a key that arrive while this replica is writing that key in its next single write.
 * A burst from one address (a farm behind one NAT address) then costs one compare-and-set per round trip;
 * counted one by one, every request raced every other and retried, and the gateway spent its CPU on retries.
 */
function batchedCounter(kv: KV) {
  const waiting = new Map<string, Counted[]>();
  const drain = async (key: string, windowMs: number, max: number) => {
    for (let batch = waiting.get(key)!; batch.length > 0; batch = waiting.get(key)!) {
      waiting.set(key, []);
      try {
        const { first, ttl } = await countRequests(kv, key, batch.length, windowMs, max);
        batch.forEach((counted, i) => counted(null, { current: first + i, ttl }));
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const counted of batch) counted(failure);
      }
    }
    waiting.delete(key);
  };
  return (key: string, counted: Counted, windowMs: number, max: number) => {
    const batch = waiting.get(key);
    if (batch) return void batch.push(counted);
    waiting.set(key, [counted]);
    void drain(key, windowMs, max);
  };
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
  const count = batchedCounter(kv);
  class NatsKvRateLimitStore implements RateLimitStore {
    incr(key: string, callback: Counted, timeWindow: number, max: number): void {
      // KV keys take letters, digits, - and _ only; an IPv6 address has colons.
      count(Buffer.from(key).toString('base64url'), callback, timeWindow, max);
    }

    child(): RateLimitStore {
      return this;
    }
  }
  return { store: NatsKvRateLimitStore, close: () => connection.close() };
}
