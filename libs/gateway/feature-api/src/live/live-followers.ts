import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InvalidError } from '@aftersales/contracts/common';
import {
  type Author,
  type ChatMessage,
  type ConsultationChangedNotice,
  consultationChangedNoticeSchema,
  consultationMessages as m,
  consultationNotices,
  type JoinAck,
  MAX_MESSAGES_PAGE,
  type TypingNotice,
  typingNoticeSchema,
} from '@aftersales/contracts/consultation';
import { BROADCASTS, type Broadcasts, ServiceClient } from '@aftersales/shared-messaging';
import type { Socket } from 'socket.io';
import { gatewayMetadata } from '../command-metadata.js';
import { notYetGiven, skipsAhead } from './seq-order.js';

/** One socket following one consultation. */
interface Follower {
  consultationId: string;
  socket: Socket;
  viewer: Author;
  /** The seq of the last message the socket was given. */
  delivered: number;
  /** Set while the socket is being given what it missed: the live messages wait here meanwhile. */
  held?: ChatMessage[];
}

/**
 * The sockets of this gateway process that follow consultations or the agents' queue, and what they are
 * given: every gateway hears the consultation service's notices and brings them to its own sockets. A
 * socket gets each message once and in `seq` order: what it missed before joining comes in the join's
 * acknowledgement, and a message that arrives ahead of one not yet given (a notice lost or overtaken)
 * waits until the missing ones are read from the service.
 */
@Injectable()
export class LiveFollowers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveFollowers.name);
  /** By consultation id, then by socket id. */
  private readonly followers = new Map<string, Map<string, Follower>>();
  /** The consultations each socket follows, by socket id, to forget them when it disconnects. */
  private readonly followed = new Map<string, Set<string>>();
  private readonly queueWatchers = new Map<string, Socket>();
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly services: ServiceClient,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
  ) {}

  onModuleInit(): void {
    // A notice that does not parse is dropped, and logged, by the transport.
    this.stops.push(
      this.broadcasts.listen(consultationNotices.changed, (data) =>
        this.changed(consultationChangedNoticeSchema.parse(data)),
      ),
      this.broadcasts.listen(consultationNotices.typing, (data) =>
        this.typed(typingNoticeSchema.parse(data)),
      ),
    );
    this.broadcasts.onGap(() => {
      for (const followers of this.followers.values()) {
        for (const follower of followers.values()) if (!follower.held) void this.catchUp(follower, []);
      }
    });
  }

  onModuleDestroy(): void {
    this.stops.forEach((stop) => stop());
  }

  /**
   * Follows a consultation the viewer may read: the acknowledgement carries every message after
   * `afterSeq`, and the live ones follow it.
   */
  async join(
    socket: Socket,
    viewer: Author,
    consultationId: string,
    afterSeq: number,
    acknowledge: (ack: JoinAck) => void,
  ): Promise<void> {
    // Following starts before the history is read, so that nothing posted meanwhile falls between the two.
    const follower: Follower = { consultationId, socket, viewer, delivered: afterSeq, held: [] };
    this.add(follower);
    try {
      const [consultation, missed] = await Promise.all([
        this.services.request(m.get, { consultationId, viewer }, gatewayMetadata()),
        this.messagesAfter(consultationId, viewer, afterSeq),
      ]);
      acknowledge({ ok: true, consultation, missed });
      follower.delivered = missed.at(-1)?.seq ?? afterSeq;
    } catch (error) {
      if (this.isCurrent(follower)) this.leave(socket, consultationId);
      throw error;
    }
    this.release(follower);
  }

  leave(socket: Socket, consultationId: string): void {
    const followers = this.followers.get(consultationId);
    followers?.delete(socket.id);
    if (followers?.size === 0) this.followers.delete(consultationId);
    this.followed.get(socket.id)?.delete(consultationId);
  }

  watchQueue(socket: Socket): void {
    this.queueWatchers.set(socket.id, socket);
  }

  /** Tells the other party, on every gateway, that the socket's user is typing in a consultation it joined. */
  async typing(socket: Socket, consultationId: string): Promise<void> {
    const follower = this.followers.get(consultationId)?.get(socket.id);
    if (!follower) {
      throw new InvalidError(`Join consultation ${consultationId} before typing in it`, {
        code: 'consultation_not_joined',
        params: { id: consultationId },
      });
    }
    const notice: TypingNotice = { consultationId, author: follower.viewer };
    await this.broadcasts.broadcast(consultationNotices.typing, notice);
  }

  forget(socket: Socket): void {
    for (const consultationId of this.followed.get(socket.id) ?? []) this.leave(socket, consultationId);
    this.followed.delete(socket.id);
    this.queueWatchers.delete(socket.id);
  }

  private changed({ consultationId, consultation, messages, reads }: ConsultationChangedNotice): void {
    const followers = [...(this.followers.get(consultationId)?.values() ?? [])];
    for (const follower of followers) {
      this.deliver(follower, messages);
      follower.socket.emit('consultation', consultation[follower.viewer.kind]);
      for (const read of reads) follower.socket.emit('read', read);
    }
    const following = new Set(followers.map((follower) => follower.socket.id));
    for (const [socketId, socket] of this.queueWatchers) {
      if (!following.has(socketId)) socket.emit('consultation', consultation.agent);
    }
  }

  private typed({ consultationId, author }: TypingNotice): void {
    for (const follower of this.followers.get(consultationId)?.values() ?? []) {
      if (follower.viewer.kind !== author.kind) follower.socket.emit('typing', { consultationId, author });
    }
  }

  private deliver(follower: Follower, messages: ChatMessage[]): void {
    if (follower.held) {
      follower.held.push(...messages);
      return;
    }
    const fresh = notYetGiven(follower.delivered, messages);
    if (skipsAhead(follower.delivered, fresh)) {
      void this.catchUp(follower, fresh);
      return;
    }
    this.emitInOrder(follower, fresh);
  }

  /** Reads what the socket missed from the service, gives it, then what arrived meanwhile. */
  private async catchUp(follower: Follower, pending: ChatMessage[]): Promise<void> {
    follower.held = [...pending];
    try {
      const missed = await this.messagesAfter(follower.consultationId, follower.viewer, follower.delivered);
      if (this.isCurrent(follower)) this.emitInOrder(follower, missed);
    } catch (error) {
      // What is still missing stays missing: the client sees the gap in the seqs and joins again.
      this.logger.warn(`Catch-up of consultation ${follower.consultationId} failed: ${String(error)}`);
    }
    this.release(follower);
  }

  /** Ends a catch-up: the messages held meanwhile follow what the socket was given, each once. */
  private release(follower: Follower): void {
    const held = follower.held ?? [];
    follower.held = undefined;
    if (this.isCurrent(follower)) this.emitInOrder(follower, held);
  }

  private emitInOrder(follower: Follower, messages: ChatMessage[]): void {
    for (const message of notYetGiven(follower.delivered, messages)) {
      follower.socket.emit('message', message);
      follower.delivered = message.seq;
    }
  }

  /** Every message after `afterSeq`, in order, page by page. */
  private async messagesAfter(
    consultationId: string,
    viewer: Author,
    afterSeq: number,
  ): Promise<ChatMessage[]> {
    const all: ChatMessage[] = [];
    for (;;) {
      const page = await this.services.request(
        m.messages,
        { consultationId, viewer, afterSeq: all.at(-1)?.seq ?? afterSeq, limit: MAX_MESSAGES_PAGE },
        gatewayMetadata(),
      );
      all.push(...page);
      if (page.length < MAX_MESSAGES_PAGE) return all;
    }
  }

  /** A socket that joined again, left or disconnected meanwhile is no longer given what this one waited for. */
  private isCurrent(follower: Follower): boolean {
    return this.followers.get(follower.consultationId)?.get(follower.socket.id) === follower;
  }

  private add(follower: Follower): void {
    const { consultationId, socket } = follower;
    const followers = this.followers.get(consultationId) ?? new Map<string, Follower>();
    this.followers.set(consultationId, followers.set(socket.id, follower));
    const followed = this.followed.get(socket.id) ?? new Set<string>();
    this.followed.set(socket.id, followed.add(consultationId));
  }
}
