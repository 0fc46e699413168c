import { io, type Socket } from 'socket.io-client';

export interface LiveMessage {
  consultationId: string;
  messageId: string;
  seq: number;
  text?: string;
  author: { kind: string; userId: string };
}

export interface LiveConsultation {
  id: string;
  status: string;
  lastSeq: number;
  unread: number;
}

export interface LiveOrder {
  diagnosisCode: string;
  status: string;
  version: number;
}

export type Ack =
  | { ok: true; consultation?: LiveConsultation; missed?: LiveMessage[]; order?: LiveOrder }
  | { ok: false; code: string; message: string };

/** A socket of the live namespace that records what the server sends it, as a browser tab would show it. */
export class LiveClient {
  readonly messages: LiveMessage[] = [];
  readonly consultations: LiveConsultation[] = [];
  readonly typing: { consultationId: string; author: { kind: string } }[] = [];
  readonly reads: { consultationId: string; reader: { kind: string }; upToSeq: number }[] = [];
  readonly orders: LiveOrder[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('message', (message: LiveMessage) => this.messages.push(message));
    socket.on('consultation', (consultation: LiveConsultation) => this.consultations.push(consultation));
    socket.on('typing', (typing: LiveClient['typing'][number]) => this.typing.push(typing));
    socket.on('read', (read: LiveClient['reads'][number]) => this.reads.push(read));
    socket.on('order', (order: LiveOrder) => this.orders.push(order));
  }

  /** Connects with an access token (or none); rejects with the `connect_error` the server refused it with. */
  static connect(baseUrl: string, token?: string): Promise<LiveClient> {
    const socket = io(`${baseUrl}/live`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new LiveClient(socket)));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  emit(event: string, payload: unknown): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack>;
  }

  join(consultationId: string, afterSeq = 0): Promise<Ack> {
    return this.emit('join', { consultationId, afterSeq });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.socket.close();
  }
}
