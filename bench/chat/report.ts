import { cpuLine, otherWorkWarning, table } from '../shared/report.js';
import type { ChatPlan, ChatResult } from './chat-load.js';
import type { Persisted } from './persisted.js';
import type { PopulationPlan } from './population.js';

/** The ways the chat is served, in the order they are measured and shown. */
export const SYSTEMS = ['ours', 'bareSocket', 'bareHttp'] as const;
export type System = (typeof SYSTEMS)[number];

export interface Results {
  chat: Record<System, ChatResult>;
  persisted: Persisted;
}

export interface Plans {
  population: PopulationPlan;
  chat: ChatPlan;
}

const NAMES: Record<System, string> = {
  ours: 'ours: gateway → consultation',
  bareSocket: 'bare socket.io echo, posted on the socket',
  bareHttp: 'bare socket.io echo, posted over HTTP',
};

const TARGETS = { maxRatioToBare: 2, maxP99Ms: 25 };
/** Below this share of the offered messages a second, the rate was not reached. */
const MIN_ACHIEVED_SHARE = 0.99;

const COLUMNS = [
  'system',
  'messages',
  'messages/s',
  'c→a p50 ms',
  'c→a p99 ms',
  'a→c p50 ms',
  'a→c p99 ms',
  'lost',
  'duplicated',
  'failed sends',
  'c→a p99 vs bare',
];

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const milliseconds = (value: number) => value.toFixed(1);
const messages = (result: ChatResult) => result.customerToAgent.messages + result.agentToCustomer.messages;
const failed = (result: ChatResult) => result.failedSends > 0;
const p99Ratio = (result: ChatResult, base: ChatResult) =>
  `${(result.customerToAgent.p99 / base.customerToAgent.p99).toFixed(1)}×`;

function legend({ population, chat }: Plans): string[] {
  const offered = number.format(chat.rate);
  return [
    `${number.format(population.consultations)} consultations, one customer socket each, and ${population.agents} agents ` +
      `with one socket each for the ${number.format(population.consultations / population.agents)} consultations they took. ` +
      `Customers post ${offered} messages/s together (round robin, on schedule whatever the answers do); the agent ` +
      `answers each one as it arrives, so ${number.format(2 * chat.rate)} messages/s in all. ` +
      `${chat.warmupSeconds} s warm-up, then ${chat.seconds} s measured. Every message goes to both parties' sockets.`,
    'Each name below is a Node.js process of its own; PostgreSQL and nats-server are shared (in the CPU lines,',
    "postgres is the server's own processes and the bench database's backends, not other databases'):",
    '- ours: the distributed mode. Messages are posted as the web app posts them, POST /api/consultations/{id}/messages',
    '  to gateway (Nest on Fastify, bearer token, ownership check), which asks consultation over NATS; it appends',
    '  MessagePosted to its event store in PostgreSQL and broadcasts a notice that gateway brings to the sockets of',
    '  /live. identity, warranty and repair-orders run; identity answers the gateway once per token and 30 s.',
    '- bare: bench/chat/bare-echo.ts, a plain socket.io server (the same version) that relays each message to the',
    "  consultation's room; posted as a socket event with an acknowledgement (the socket.io echo the targets name),",
    '  or as the same HTTP POST ours takes. No authentication, no bus, no database.',
    'c→a: from the due time of a customer message to its arrival at the agent socket; a→c: from the moment the',
    "agent's socket got the question, when the answer is sent, to the answer's arrival at the customer socket.",
  ];
}

function rows({ chat }: Results): string[][] {
  return SYSTEMS.map((system) => {
    const result = chat[system];
    const misdelivered = result.misdelivered > 0 ? ` (+${result.misdelivered} at a wrong socket)` : '';
    return [
      // Its numbers describe something else than a chat, whichever way they lean.
      failed(result) ? `FAILED: ${NAMES[system]}` : NAMES[system],
      number.format(messages(result)),
      number.format(result.messagesPerSecond),
      milliseconds(result.customerToAgent.p50),
      milliseconds(result.customerToAgent.p99),
      milliseconds(result.agentToCustomer.p50),
      milliseconds(result.agentToCustomer.p99),
      String(result.lost),
      `${result.duplicated}${misdelivered}`,
      String(result.failedSends),
      p99Ratio(result, chat.bareSocket),
    ];
  });
}

function notes({ chat, persisted }: Results, { chat: plan }: Plans): string[] {
  const lag = Math.max(...SYSTEMS.map((system) => chat[system].sendLagP99));
  return [
    "Latency counts from each message's due time, so a backlog shows in it; the load generator itself sent " +
      `up to ${lag.toFixed(1)} ms late (p99, worst of the three runs). A message that never arrived counts as ` +
      'arriving at the end of the run.',
    `Persisted: ${number.format(persisted.stored)} of the ${number.format(persisted.sent)} messages ours took ` +
      `(warm-up included) are in the event store once; ${persisted.missing} missing, ${persisted.duplicated} more than once.`,
    ...SYSTEMS.map((system) =>
      cpuLine(
        `${system}, ${number.format(2 * plan.rate)} messages/s`,
        chat[system].cpu,
        chat[system].messagesPerSecond,
        'message',
      ),
    ),
  ];
}

const verdict = (met: boolean, detail: string) => `${met ? 'met' : 'NOT met'} (${detail})`;
const NOT_CHECKED = 'not checked: some messages were refused or got no answer';

function targets({ chat, persisted }: Results, { chat: plan }: Plans): string[] {
  const { ours, bareSocket } = chat;
  const offered = 2 * plan.rate;
  const reached = ours.messagesPerSecond >= MIN_ACHIEVED_SHARE * offered;
  const p99 = `${milliseconds(ours.customerToAgent.p99)} ms`;
  const versusBare =
    failed(ours) || failed(bareSocket)
      ? NOT_CHECKED
      : verdict(
          ours.customerToAgent.p99 <= TARGETS.maxRatioToBare * bareSocket.customerToAgent.p99,
          `${p99} vs ${milliseconds(bareSocket.customerToAgent.p99)} ms: ${p99Ratio(ours, bareSocket)}`,
        );
  const absolute = failed(ours)
    ? NOT_CHECKED
    : !reached
      ? verdict(false, `the rate was not reached: ${number.format(ours.messagesPerSecond)}/s`)
      : verdict(ours.customerToAgent.p99 <= TARGETS.maxP99Ms, p99);
  const exact =
    ours.lost + ours.duplicated + ours.misdelivered + persisted.missing + persisted.duplicated === 0;
  return [
    `Target: ours customer → agent p99 ≤ ${TARGETS.maxRatioToBare}× the bare socket.io echo's: ${versusBare}.`,
    `Target: ours customer → agent p99 ≤ ${TARGETS.maxP99Ms} ms at ${number.format(offered)} messages/s: ${absolute}.`,
    `Target: ours loses and duplicates no message: ${verdict(
      exact,
      `${ours.lost} lost, ${ours.duplicated + ours.misdelivered} duplicated or misdelivered on the sockets; ` +
        `${persisted.missing} missing, ${persisted.duplicated} duplicated in the event store`,
    )}.`,
  ];
}

export function report(machine: string[], results: Results, plans: Plans): string[] {
  return [
    ...machine,
    '',
    ...legend(plans),
    '',
    ...table(COLUMNS, rows(results)),
    '',
    ...notes(results, plans),
    '',
    ...targets(results, plans),
    ...otherWorkWarning(SYSTEMS.map((system) => results.chat[system].cpu)),
  ];
}
