import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { type CpuShares, measureCpu } from '../shared/cpu.js';
import type { RunningProcess } from '../shared/processes.js';
import { offerAtRate } from '../shared/schedule.js';
import { percentile } from '../shared/stats.js';
import type { Room, Side } from './participants.js';
import type { Sender, SendOutcome } from './senders.js';

export interface ChatPlan {
  /** Customer messages offered per second, all consultations together; each one's agent answers it. */
  rate: number;
  warmupSeconds: number;
  seconds: number;
}

/** Whose CPU counts: the processes that serve the chat, and the PostgreSQL backends of the bench's database. */
export interface Measured {
  processes: RunningProcess[];
  database: string;
}

export interface Direction {
  messages: number;
  p50: number;
  p99: number;
}

export interface ChatResult {
  customerToAgent: Direction;
  agentToCustomer: Direction;
  /** Messages of both sides that reached the other party, per second from the first due to the last arrival. */
  messagesPerSecond: number;
  /** Messages the server refused or never answered: any of them means something else was measured. */
  failedSends: number;
  /** Copies that never reached a socket they were meant for: both parties' sockets get every message. */
  lost: number;
  /** Further copies of a message at a socket that had it already. */
  duplicated: number;
  /** Messages at a socket of neither party, or that nobody sent. */
  misdelivered: number;
  /** How late the load generator itself sent the customers' messages (p99, ms): counted against the server. */
  sendLagP99: number;
  seconds: number;
  cpu: CpuShares | undefined;
}

/** A phase ends when every message reached both parties, or when nothing arrived for this long. */
const STALL_MS = 10_000;
const DRAIN_CHECK_MS = 50;

interface Sent {
  phase: Phase;
  room: Room;
  from: Side;
  /** A customer's: when the schedule had it due; an agent's answer: when the question reached the agent. */
  due: number;
  sendLag: number;
  outcome?: SendOutcome;
  /** When each party's socket got it: one time each, or the message was lost or duplicated. */
  received: Record<Side, number[]>;
}

interface Phase {
  messages: Sent[];
  /** The server's answers to the sends and the arrivals at the sockets still awaited; none, and it is over. */
  awaited: number;
  lastProgress: number;
  misdelivered: number;
}

/**
 * The load: customers post at a fixed rate, round robin over the consultations, whatever the answers do
 * (`offerAtRate`); every customer message that reaches the agent's socket is answered by that agent at once.
 * Every socket's `message` events are counted by message id: each message must reach the customer's and the
 * agent's socket of its consultation once each. Latency counts from the message's due time to its arrival at
 * the other party's socket.
 */
export class ChatLoad {
  private readonly sent = new Map<string, Sent>();
  private current?: Phase;

  constructor(private readonly sender: Sender) {}

  /** Counts what a socket receives; attach it to every socket before it joins. */
  readonly listen = (side: Side, socket: Socket): void => {
    socket.on('message', ({ messageId }: { messageId: string }) => this.received(side, socket, messageId));
  };

  /** The id of every message the server took so far, warm-up included, for the persistence check. */
  get postedIds(): string[] {
    return [...this.sent].filter(([, message]) => message.outcome === 'posted').map(([id]) => id);
  }

  /** An untimed run first (connections, JIT and caches warm), then the measured one with the CPU around it. */
  async run(rooms: Room[], plan: ChatPlan, measured: Measured): Promise<() => ChatResult> {
    await this.phase(rooms, plan.rate, plan.warmupSeconds);
    const started = performance.now();
    const { value: phase, cpu } = await measureCpu(
      measured.processes,
      () => this.phase(rooms, plan.rate, plan.seconds),
      measured.database,
    );
    // Read once the sockets are closed, so that a late copy still counts as duplicated.
    return () => summary(phase, started, cpu);
  }

  private async phase(rooms: Room[], rate: number, seconds: number): Promise<Phase> {
    const phase: Phase = { messages: [], awaited: 0, lastProgress: performance.now(), misdelivered: 0 };
    this.current = phase;
    let next = 0;
    await offerAtRate(rate, Math.round(rate * seconds), (due) => {
      const room = rooms[next++ % rooms.length]!;
      return this.post(phase, room, 'customer', due);
    });
    await drained(phase);
    return phase;
  }

  private post(phase: Phase, room: Room, from: Side, due: number): Promise<void> {
    const message: Sent = {
      phase,
      room,
      from,
      due,
      sendLag: performance.now() - due,
      received: { customer: [], agent: [] },
    };
    const messageId = randomUUID();
    this.sent.set(messageId, message);
    phase.messages.push(message);
    // The server's answer, and the arrival at both parties' sockets.
    phase.awaited += 3;
    const text = `${from} message ${phase.messages.length}`;
    return this.sender.send(room, from, { messageId, text }).then((outcome) => {
      message.outcome = outcome;
      // A message the server did not take is not awaited anywhere.
      progress(phase, outcome === 'posted' ? 1 : 3);
    });
  }

  private received(side: Side, socket: Socket, messageId: string): void {
    const at = performance.now();
    const message = this.sent.get(messageId);
    if (!message || message.room[side] !== socket) {
      if (this.current) this.current.misdelivered += 1;
      return;
    }
    const copies = message.received[side];
    copies.push(at);
    if (copies.length > 1) return;
    progress(message.phase, 1);
    if (side === 'agent' && message.from === 'customer') {
      void this.post(message.phase, message.room, 'agent', at);
    }
  }
}

function progress(phase: Phase, done: number): void {
  phase.awaited -= done;
  phase.lastProgress = performance.now();
}

/** Resolves when nothing is awaited any more, or nothing arrived for `STALL_MS` (what is missing is lost). */
function drained(phase: Phase): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (phase.awaited <= 0 || performance.now() - phase.lastProgress > STALL_MS) resolve();
      else setTimeout(check, DRAIN_CHECK_MS);
    };
    check();
  });
}

function summary(phase: Phase, started: number, cpu: CpuShares | undefined): ChatResult {
  const ended = performance.now();
  const posted = phase.messages.filter((m) => m.outcome === 'posted');
  const other = (m: Sent): Side => (m.from === 'customer' ? 'agent' : 'customer');
  // A message that never arrived counts as one that waited until the end: leaving it out would lower the p99.
  const latency = (m: Sent) => (m.received[other(m)][0] ?? ended) - m.due;
  const direction = (from: Side): Direction => {
    const latencies = posted.filter((m) => m.from === from).map(latency);
    return { messages: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  };
  const arrivals = posted.flatMap((m) => m.received[other(m)].slice(0, 1));
  const seconds = (Math.max(started, ...arrivals) - started) / 1000;
  const copies = posted.flatMap((m) => [m.received.customer.length, m.received.agent.length]);
  return {
    customerToAgent: direction('customer'),
    agentToCustomer: direction('agent'),
    messagesPerSecond: seconds > 0 ? arrivals.length / seconds : 0,
    failedSends: phase.messages.length - posted.length,
    lost: copies.filter((n) => n === 0).length,
    duplicated: copies.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    misdelivered: phase.misdelivered,
    sendLagP99: percentile(
      phase.messages.filter((m) => m.from === 'customer').map((m) => m.sendLag),
      99,
    ),
    seconds,
    cpu,
  };
}
