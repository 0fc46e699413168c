import { randomBytes, randomUUID } from 'node:crypto';
import { type DynamicModule, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  EventBusModule,
  InProcessBroker,
  InProcessServer,
  MessagingModule,
  NatsServer,
  ServiceClient,
} from '@aftersales/shared-messaging';
import { openPglite, openPostgres, PersistenceModule } from '@aftersales/shared-persistence';
import { createTestDatabase, NATS_URL, uniqueName } from '@aftersales/shared-testing';
import { IdentityModule } from '../src/identity.module.js';

interface Wiring {
  modules: DynamicModule[];
  server: () => CustomTransportStrategy;
}

/** The embedded mode's parts: PGlite in memory, the in-process bus. */
function embedded(): Promise<Wiring> {
  const broker = new InProcessBroker();
  return Promise.resolve({
    modules: [
      PersistenceModule.forRoot(() => openPglite(`memory://${randomUUID()}`)),
      MessagingModule.inProcess(broker),
      EventBusModule.inProcess(),
    ],
    server: () => new InProcessServer(broker),
  });
}

/** The distributed mode's parts: PostgreSQL, NATS and JetStream, in a database and namespace of their own. */
async function distributed(): Promise<Wiring> {
  const url = await createTestDatabase('identity');
  const namespace = uniqueName('identity');
  return {
    modules: [
      PersistenceModule.forRoot(() => openPostgres(url)),
      MessagingModule.nats({ url: NATS_URL, namespace }),
      EventBusModule.jetStream({ url: NATS_URL, namespace }),
    ],
    server: () => new NatsServer({ url: NATS_URL, namespace }, 'identity'),
  };
}

/** Both ways the identity service runs, for `describe.each`. */
export const identityWirings: [string, () => Promise<Wiring>][] = [
  ['PGlite and the in-process bus', embedded],
  ['PostgreSQL and NATS', distributed],
];

/** The identity service on its own, with the demo accounts, and a client that asks it over the bus. */
export async function startIdentity(
  wiring: () => Promise<Wiring>,
): Promise<{ service: INestMicroservice; services: ServiceClient }> {
  const { modules, server } = await wiring();
  @Module({
    imports: [
      ...modules,
      IdentityModule.register({ authSecret: randomBytes(32).toString('hex'), seedDemoAccounts: true }),
    ],
  })
  class IdentityTestModule {}
  const service = await NestFactory.createMicroservice(IdentityTestModule, {
    strategy: server(),
    logger: false,
  });
  await service.listen();
  return { service, services: service.get(ServiceClient) };
}

export function metadata(actor = 'anonymous'): CommandMetadata {
  const id = randomUUID();
  return { actor, commandId: id, correlationId: id, causationId: id, now: new Date().toISOString() };
}
