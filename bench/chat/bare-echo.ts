import http from 'node:http';
import { Server, type Socket } from 'socket.io';

/**
 * The baseline: a plain socket.io server (the version the gateway runs) that relays each message to the
 * consultation's room, the customer's and the agent's sockets alike, as the gateway gives a message to both
 * parties. It speaks the gateway's protocol where the benchmark uses it (namespace `/live`, `join` with an
 * acknowledgement, `message` events), takes a message either as a socket event with an acknowledgement or as
 * `POST /api/consultations/{id}/messages`, and keeps nothing: no authentication (the token in the handshake or
 * the `Authorization` header is taken as the author's name), no bus, no database, no Nest. A process of its own,
 * so that it does not share an event loop with the load.
 */

interface Posted {
  consultationId: string;
  messageId: string;
  text: string;
}

const server = http.createServer((request, response) => void answer(request, response));
const live = new Server(server).of('/live');
/** The last seq given in each room, so that a relayed message has the gateway's shape. */
const seqs = new Map<string, number>();

function relay(author: string, { consultationId, messageId, text }: Posted) {
  const seq = (seqs.get(consultationId) ?? 0) + 1;
  seqs.set(consultationId, seq);
  const message = {
    consultationId,
    messageId,
    seq,
    author: { kind: author.split('-')[0], userId: author },
    text,
    attachments: [],
    postedAt: new Date().toISOString(),
  };
  live.to(consultationId).emit('message', message);
  return message;
}

live.on('connection', (socket: Socket) => {
  const author = String((socket.handshake.auth as { token?: unknown }).token);
  socket.on('join', ({ consultationId }: { consultationId: string }, ack: (answer: unknown) => void) => {
    void socket.join(consultationId);
    ack({ ok: true, missed: [] });
  });
  socket.on('post', (posted: Posted, ack: (answer: unknown) => void) => ack(relay(author, posted)));
});

const MESSAGES_ROUTE = /^\/api\/consultations\/([^/]+)\/messages$/;

async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const route = MESSAGES_ROUTE.exec(request.url ?? '');
  if (request.method !== 'POST' || !route) {
    response.writeHead(404).end();
    return;
  }
  let body = '';
  for await (const chunk of request) body += String(chunk);
  const { messageId, text } = JSON.parse(body) as Omit<Posted, 'consultationId'>;
  const author = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const message = relay(author, { consultationId: route[1]!, messageId, text });
  response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(message));
}

const close = () => void live.server.close();
process.once('SIGTERM', close);
process.once('SIGINT', close);

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`Ready: open http://127.0.0.1:${address.port}`);
});
