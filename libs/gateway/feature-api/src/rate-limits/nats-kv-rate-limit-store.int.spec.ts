import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Kvm, type KV } from '@nats-io/kv';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { NATS_URL, uniqueName, waitUntil } from '@aftersales/shared-testing';
import { countRequest, natsKvRateLimitStore } from './nats-kv-rate-limit-store.js';

describe('rate-limit counts in a JetStream KV bucket', () => {
  let connection: NatsConnection;
  let kv: KV;

  beforeAll(async () => {
    connection = await connect({ servers: NATS_URL });
    kv = await new Kvm(connection).create(uniqueName('limits'), { history: 1, ttl: 60_000 });
  });

  afterAll(async () => {
    await kv.destroy();
    await connection.close();
  });

  it('counts every request that arrives at once, from however many replicas, exactly once', async () => {
    const counted = await Promise.all(Array.from({ length: 40 }, () => countRequest(kv, 'a', 60_000, 100)));
    expect(counted.map((c) => c.current).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    for (const { ttl } of counted) {
      expect(ttl).toBeGreaterThan(55_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('keeps each key on its own', async () => {
    await countRequest(kv, 'b', 60_000, 100);
    await expect(countRequest(kv, 'c', 60_000, 100)).resolves.toMatchObject({ current: 1 });
    await expect(countRequest(kv, 'b', 60_000, 100)).resolves.toMatchObject({ current: 2 });
  });

  it('starts a key over once its window has ended', async () => {
    const first = await countRequest(kv, 'd', 200, 100);
    await countRequest(kv, 'd', 200, 100);
    const endsAt = Date.now() + first.ttl;
    await waitUntil('the window has ended', () => Date.now() > endsAt);
    await expect(countRequest(kv, 'd', 200, 100)).resolves.toEqual({ current: 1, ttl: 200 });
  });

  it('goes on counting past the limit without writing again', async () => {
    for (let i = 0; i < 3; i++) await countRequest(kv, 'e', 60_000, 2);
    const written = (await kv.get('e'))!.revision;
    const past = await countRequest(kv, 'e', 60_000, 2);
    expect(past.current).toBe(4);
    expect((await kv.get('e'))!.revision).toBe(written);
  });

  it('serves @fastify/rate-limit as a store whose keys may hold any characters, an IPv6 address too', async () => {
    const bucket = uniqueName('limits');
    const { store: Store, close } = await natsKvRateLimitStore({
      url: NATS_URL,
      bucket,
      longestWindowMs: 60_000,
    });
    try {
      const store = new Store({}).child({});
      const incr = (key: string) =>
        new Promise<{ current: number; ttl: number }>((resolve, reject) =>
          store.incr(key, (error, result) => (error ? reject(error) : resolve(result!)), 60_000, 10),
        );
      await incr('::ffff:127.0.0.1signIn');
      await expect(incr('::ffff:127.0.0.1signIn')).resolves.toMatchObject({ current: 2 });
      await expect(incr('::1signIn')).resolves.toMatchObject({ current: 1 });
    } finally {
      await close();
      const cleanup = await connect({ servers: NATS_URL });
      await (await new Kvm(cleanup).open(bucket)).destroy();
      await cleanup.close();
    }
  });
});
