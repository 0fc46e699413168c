import fastifyRateLimit from '@fastify/rate-limit';
import { applyDecorators } from '@nestjs/common';
import { RateLimitedError } from '@aftersales/contracts/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Refuses } from '../openapi/responses.js';
import type { RateLimitStoreClass } from './nats-kv-rate-limit-store.js';

/** The routes that cost real work, each with a budget of requests per client address. */
export const budgets = ['registration', 'signIn', 'lookup', 'batchLookup', 'deviceImport'] as const;
export type Budget = (typeof budgets)[number];

/** At most `max` requests in any `windowMs`, per client address. */
export type RateLimits = Record<Budget, { max: number; windowMs: number }>;

/** Spends one request of the budget per call; past it the route answers 429 with `Retry-After`. */
export const RateLimited = (budget: Budget) => applyDecorators(RouteConfig({ budget }), Refuses(429));

/**
 * Turns each route's budget into @fastify/rate-limit's route setting, keyed on the client address
 * (`request.ip`, which names the client behind a trusted proxy). Without a store the counts stay in this
 * process, which is right only where there is one gateway.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  limits: RateLimits,
  store?: RateLimitStoreClass,
): Promise<void> {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      const budget = (route.config as { budget?: Budget } | undefined)?.budget;
      if (!budget) return;
      const { max, windowMs } = limits[budget];
      // The budget's name keys the count, so routes that share a budget share it.
      Object.assign(route.config!, { rateLimit: { max, timeWindow: windowMs, groupId: budget } });
    });
  await app.register(fastifyRateLimit, {
    global: false,
    ...(store ? { store } : {}),
    // A store that cannot count (NATS away) lets the request through: the route needs the bus anyway, and
    // answers for itself why it cannot serve.
    skipOnError: true,
    // Thrown, so the one error filter answers it in our error shape.
    errorResponseBuilder: (_request, { ttl }) => {
      const seconds = Math.max(1, Math.ceil(ttl / 1000));
      return new RateLimitedError(
        `Too many requests from your address; try again in ${seconds} seconds`,
        seconds,
      );
    },
  });
}
