import { randomBytes } from 'node:crypto';
import { NATS_URL } from '../shared/distributed.js';
import { type RunningProcess, startProcess } from '../shared/processes.js';
import type { Teardown } from '../shared/teardown.js';

export interface Baseline {
  /** Where its HTTP front listens. */
  url: string;
  /** The front first. */
  processes: RunningProcess[];
}

/**
 * What a NestJS team would ship without our kit: `stock-gateway` (Nest HTTP, `ClientProxy.send`) asking
 * `stock-service` (Nest microservice, `@MessagePattern`) over the stock NATS transport. The warranty
 * service's migration must have created the tables first.
 */
export async function startStock(teardown: Teardown, databaseUrl: string): Promise<Baseline> {
  const env = {
    DATABASE_URL: databaseUrl,
    NATS_URL,
    STOCK_SUBJECT: `bench_${randomBytes(4).toString('hex')}.warranty.find-by-sn`,
  };
  const script = (name: string) => `bench/dist/warranty/${name}.js`;
  // The service first: the gateway's first request must find someone answering.
  const service = await startProcess(teardown, 'stock-service', script('stock-service'), env);
  const gateway = await startProcess(teardown, 'stock-gateway', script('stock-gateway'), env);
  return { url: gateway.url!, processes: [gateway, service] };
}

/** The floor: one Fastify process sending the same query, no bus. Needs the warranty tables too. */
export async function startBare(teardown: Teardown, databaseUrl: string): Promise<Baseline> {
  const bare = await startProcess(teardown, 'bare', 'bench/dist/warranty/bare-server.js', {
    DATABASE_URL: databaseUrl,
  });
  return { url: bare.url!, processes: [bare] };
}
