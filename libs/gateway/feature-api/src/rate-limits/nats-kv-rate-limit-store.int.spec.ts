import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kvm, type KV } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { countRequests, natsKvRateLimitStore } from './nats-kv-rate-limit-store.js';

describe('rate-limit counts in a JetStream KV bucket', () => {
  let connection: NatsConnection;
  let kv: KV;
  const countRequest = async (key: string, windowMs: number, max: number) => {
    const { first, ttl } = await countRequests(kv, key, 1, windowMs, max);
    return { current: first, ttl };
  };

  beforeAll(async () => {
    connection = await connect({ servers: NATS_URL });
    kv = await new Kvm(connection).create(uniqueName('limits'), { history: 1, ttl: 60_000 });
  });

  afterAll(async () => {
    await kv.destroy();
    await connection.close();
  });

  it('counts every request that arrives at once, from however many replicas, exactly once', async () => {
    const counted = await Promise.all(Array.from({ length: 40 }, () => countRequest('a', 60_000, 100)));
    expect(counted.map((c) => c.current).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    for (const { ttl } of counted) {
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('counts a batch of requests in one write and answers the count of its first', async () => {
    await countRequest('f', 60_000, 100);
    await expect(countRequests(kv, 'f', 5, 60_000, 100)).resolves.toMatchObject({ first: 2 });
    await expect(countRequest('f', 60_000, 100)).resolves.toMatchObject({ current: 7 });
  });

  it('keeps each key on its own', async () => {
    await countRequest('b', 60_000, 100);
    await expect(countRequest('c', 60_000, 100)).resolves.toMatchObject({ current: 1 });
    await expect(countRequest('b', 60_000, 100)).resolves.toMatchObject({ current: 2 });
  });

  it('starts a key over once its window has ended', async () => {
    const first = await countRequest('d', 200, 100);
    await countRequest('d', 200, 100);
    const endsAt = Date.now() + first.ttl;
    await waitUntil('the window has ended', () => Date.now() > endsAt);
    await expect(countRequest('d', 200, 100)).resolves.toEqual({ current: 1, ttl: 200 });
  });

  it('goes on counting past the limit without writing again', async () => {
    for (let i = 0; i < 3; i++) await countRequest('e', 60_000, 2);
    const written = (await kv.get('e'))!.revision;
    const past = await countRequest('e', 60_000, 2);
    expect(past.current).toBe(4);
    expect((await kv.get('e'))!.revision).toBe(written);
  });

  /** A store as @fastify/rate-limit makes it, on a bucket of its own, with `incr` as a promise. */
  async function withStore(
    test: (
      incr: (key: string, max?: number) => Promise<{ current: number; ttl: number }>,
      bucket: KV,
    ) => Promise<void>,
  ) {
    const bucket = uniqueName('limits');
    const { store: Store, close } = await natsKvRateLimitStore({
      url: NATS_URL,
      bucket,
      longestWindowMs: 60_000,
    });
    try {
      const store = new Store({}).child({});
      const incr = (key: string, max = 10) =>
        new Promise<{ current: number; ttl: number }>((resolve, reject) =>
          store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), 60_000, max),
        );
      await test(incr, await new Kvm(connection).open(bucket));
    } finally {
      await close();
      await (await new Kvm(connection).open(bucket)).destroy();
    }
  }

  it('serves @fastify/rate-limit as a store whose keys may hold any characters, an IPv6 address too', () =>
    withStore(async (incr) => {
      await incr('::ffff:127.0.0.1signIn');
      await expect(incr('::ffff:127.0.0.1signIn')).resolves.toMatchObject({ current: 2 });
      await expect(incr('::1signIn')).resolves.toMatchObject({ current: 1 });
    }));

  it('counts a burst from one address on one replica in a few writes, every request with its own count', () =>
    withStore(async (incr, bucket) => {
      const burst = await Promise.all(Array.from({ length: 200 }, () => incr('::1lookup', 1000)));
      expect(burst.map((c) => c.current).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
      // The bucket holds this one key, so its revision counts the burst's writes.
      const written = await bucket.get(Buffer.from('::1lookup').toString('base64url'));
      expect(written!.json()).toMatchObject({ count: 200 });
      expect(written!.revision).toBeLessThanOrEqual(5);
    }));
});
