import { startDistributed } from '../shared/distributed.js';
import { describeMachine } from '../shared/machine.js';
import { createBenchDatabase, DROP_GRACE_MS } from '../shared/postgres.js';
import { startProcess } from '../shared/processes.js';
import { type Teardown, withTeardown } from '../shared/teardown.js';
import { ChatLoad, type ChatPlan, type ChatResult, type Measured } from './chat-load.js';
import { connectParticipants } from './participants.js';
import { checkPersisted } from './persisted.js';
import { barePopulation, populate, type Population, type PopulationPlan } from './population.js';
import { type Plans, report, type Results } from './report.js';
import { httpSender, type Sender, socketSender } from './senders.js';

const POPULATION: PopulationPlan = { consultations: 1000, agents: 20 };
/**
 * 50 customer messages a second (each customer writes every 20 s) and as many answers: 100 messages a
 * second take about half of a 2-core machine, load generator included; near 300 it saturates (see README).
 */
const CHAT: ChatPlan = { rate: 50, warmupSeconds: 3, seconds: 15 };
/** Keep-alive connections the posts share: enough for `rate × latency` in flight well past the target. */
const HTTP_CONNECTIONS = 64;
const PLANS: Plans = { population: POPULATION, chat: CHAT };

const progress = (message: string) => process.stderr.write(`${message}\n`);

/** Connects everyone, runs the load, and closes the sockets before the counts are read. */
async function chat(
  url: string,
  population: Population,
  sender: Sender,
  measured: Measured,
): Promise<{ result: ChatResult; postedIds: string[] }> {
  const load = new ChatLoad(sender);
  const participants = await connectParticipants(url, population, load.listen);
  let summary: () => ChatResult;
  try {
    progress(
      `${CHAT.rate} customer messages/s and their answers, ${CHAT.warmupSeconds} s warm-up + ${CHAT.seconds} s…`,
    );
    summary = await load.run(participants.rooms, CHAT, measured);
  } finally {
    participants.close();
    sender.close();
  }
  return { result: summary(), postedIds: load.postedIds };
}

async function measure(teardown: Teardown): Promise<Results> {
  const database = await createBenchDatabase();
  teardown.add('drop the bench database', () => database.drop(DROP_GRACE_MS));
  progress('starting identity, warranty, consultation, repair-orders and gateway…');
  const product = await startDistributed(teardown, database.url, {
    services: ['identity', 'warranty', 'consultation', 'repair-orders'],
    env: {
      // The setup registers and signs in a thousand accounts from one address.
      RATE_LIMIT_REGISTRATION: '100000/1m',
      RATE_LIMIT_SIGN_IN: '100000/1m',
    },
  });
  progress('starting bare…');
  const bare = await startProcess(teardown, 'bare', 'bench/dist/chat/bare-echo.js', {});
  const population = await populate(product.gatewayUrl, POPULATION);

  progress('ours: connecting 1,000 customers and 20 agents…');
  const ours = await chat(product.gatewayUrl, population, httpSender(product.gatewayUrl, HTTP_CONNECTIONS), {
    processes: product.processes,
    database: database.name,
  });
  progress('ours: looking every message up in the event store…');
  const persisted = await checkPersisted(database.url, ours.postedIds);

  progress('bare, sent on the socket: connecting…');
  const measuredBare = { processes: [bare], database: database.name };
  const bareSocket = await chat(bare.url!, barePopulation(POPULATION), socketSender(), measuredBare);
  progress('bare, sent over HTTP: connecting…');
  const bareHttp = await chat(
    bare.url!,
    barePopulation(POPULATION),
    httpSender(bare.url!, HTTP_CONNECTIONS),
    measuredBare,
  );
  return {
    chat: { ours: ours.result, bareSocket: bareSocket.result, bareHttp: bareHttp.result },
    persisted,
  };
}

async function main(): Promise<void> {
  const machine = await describeMachine();
  const results = await withTeardown(measure);
  console.log(report(machine, results, PLANS).join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
