import http from 'node:http';
import type { Room, Side } from './participants.js';

export interface OutgoingMessage {
  messageId: string;
  text: string;
}

/** `posted` when the server took the message (2xx, or an acknowledgement); a refusal or no answer else. */
export type SendOutcome = 'posted' | 'refused' | 'error';

export interface Sender {
  send(room: Room, from: Side, message: OutgoingMessage): Promise<SendOutcome>;
  close(): void;
}

/** A message with no answer after this long counts as an error. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Posts each message as the web app does, `POST /api/consultations/{id}/messages` with the author's access
 * token and `{ messageId, text }` as JSON, on up to `connections` keep-alive connections shared by everyone.
 */
export function httpSender(baseUrl: string, connections: number): Sender {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const send = (room: Room, from: Side, message: OutgoingMessage): Promise<SendOutcome> => {
    const { consultationId, customerToken } = room.conversation;
    const token = from === 'customer' ? customerToken : room.agentToken;
    const body = JSON.stringify(message);
    return new Promise((resolve) => {
      const request = http.request(
        `${baseUrl}/api/consultations/${consultationId}/messages`,
        {
          method: 'POST',
          agent,
          timeout: SEND_TIMEOUT_MS,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          const status = response.statusCode ?? 0;
          response.once('end', () => resolve(status >= 200 && status < 300 ? 'posted' : 'refused'));
          response.once('error', () => resolve('error'));
        },
      );
      request.once('timeout', () => request.destroy(new Error(`No answer within ${SEND_TIMEOUT_MS} ms`)));
      request.once('error', () => resolve('error'));
      request.end(body);
    });
  };
  return { send, close: () => agent.destroy() };
}

/** Emits each message on the author's own socket and waits for the server's acknowledgement. */
export function socketSender(): Sender {
  const send = async (room: Room, from: Side, message: OutgoingMessage): Promise<SendOutcome> => {
    try {
      await room[from]
        .timeout(SEND_TIMEOUT_MS)
        .emitWithAck('post', { consultationId: room.conversation.consultationId, ...message });
      return 'posted';
    } catch {
      return 'error';
    }
  };
  return { send, close: () => undefined };
}
