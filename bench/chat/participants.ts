import { io, type Socket } from 'socket.io-client';
import { inParallel } from './in-parallel.js';
import type { Conversation, Population } from './population.js';

export type Side = 'customer' | 'agent';

/** One consultation with both parties' sockets: each customer has one, each agent one for all they took. */
export interface Room {
  conversation: Conversation;
  customer: Socket;
  agent: Socket;
  agentToken: string;
}

export interface Participants {
  rooms: Room[];
  sockets: { side: Side; socket: Socket }[];
  close(): void;
}

/** Sockets connecting and joining at once: the setup is not measured, but must not time out. */
const CONNECT_CONCURRENCY = 32;
const ACK_TIMEOUT_MS = 10_000;

/**
 * Connects every customer and agent to the `/live` namespace with their access token, as the web app does
 * (`auth: { token }`, WebSocket transport), and joins each socket to its consultations, an agent's to all
 * they took. `listen` is attached before any join, so that no message can come unheard.
 */
export async function connectParticipants(
  url: string,
  { conversations, agentTokens }: Population,
  listen: (side: Side, socket: Socket) => void,
): Promise<Participants> {
  const sockets: Participants['sockets'] = [];
  const close = () => sockets.forEach(({ socket }) => socket.close());
  try {
    const connectAs = async (side: Side, token: string) => {
      const socket = await connect(url, token);
      sockets.push({ side, socket });
      listen(side, socket);
      return socket;
    };
    const agents = await inParallel(agentTokens, CONNECT_CONCURRENCY, (token) => connectAs('agent', token));
    const rooms = await inParallel(conversations, CONNECT_CONCURRENCY, async (conversation) => {
      const customer = await connectAs('customer', conversation.customerToken);
      const agent = agents[conversation.agent]!;
      await Promise.all([join(customer, conversation), join(agent, conversation)]);
      return { conversation, customer, agent, agentToken: agentTokens[conversation.agent]! };
    });
    return { rooms, sockets, close };
  } catch (error) {
    close();
    throw error;
  }
}

function connect(url: string, token: string): Promise<Socket> {
  const socket = io(`${url}/live`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    // A connection of its own per participant, as each browser has: not one multiplexed for all.
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`A socket was refused: ${error.message}`));
    });
  });
}

async function join(socket: Socket, { consultationId }: Conversation): Promise<void> {
  const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('join', { consultationId, afterSeq: 0 })) as {
    ok: boolean;
    message?: string;
  };
  if (!ack.ok) throw new Error(`Joining consultation ${consultationId} was refused: ${ack.message}`);
}
