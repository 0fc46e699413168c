import { Inject, type OnModuleDestroy, UseFilters } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import {
  type JoinAck,
  LIVE_NAMESPACE,
  type LiveAck,
  liveClientEvents,
} from '@aftersales/contracts/consultation';
import { identityNotices, type IdentityNotices } from '@aftersales/contracts/identity';
import { logisticsNotices, shipmentChangedNoticeSchema } from '@aftersales/contracts/logistics';
import {
  type OrderViewer,
  orderLiveClientEvents,
  repairOrderChangedNoticeSchema,
  type RepairOrderDetail,
  repairOrderMessages,
  repairOrderNotices,
} from '@aftersales/contracts/repair-orders';
import { BROADCASTS, type Broadcasts, ServiceClient } from '@aftersales/shared-messaging';
import { metrics } from '@aftersales/shared-metrics';
import type { Namespace, Socket } from 'socket.io';
import type { UserPrincipal } from '../access/access.decorator.js';
import { Authenticator } from '../access/authenticator.js';
import {
  liveCredentials,
  type LiveRule,
  type LiveSocketData,
  LiveUser,
  OnLive,
} from '../access/live-access.js';
import { Ownership } from '../access/ownership.js';
import { gatewayMetadata } from '../command-metadata.js';
import { authorOf } from '../consultations.http.controller.js';
import { parseInput } from '../zod-validation.pipe.js';
import { LiveExceptionFilter } from './live-exception.filter.js';
import { LiveFollowers } from './live-followers.js';
import { liveRefusalOf } from './live-refusal.js';

const participants: LiveRule = { roles: ['customer', 'agent'] };
const agents: LiveRule = { roles: ['agent'] };
/** Who follows a repair order: its customer, support, and the engineers of the point it was sent to. */
const orderViewers: LiveRule = { roles: ['customer', 'agent', 'engineer'] };
const orderRoom = (diagnosisCode: string) => `order:${diagnosisCode}`;
/** Reads an order for the sockets of its room, who were each checked when they followed it. */
const SUPPORT: OrderViewer = { kind: 'agent', userId: '00000000-0000-4000-8000-000000000000' };

function orderViewerOf({ role, userId, repairPointId }: UserPrincipal): OrderViewer {
  if (role === 'engineer' && repairPointId) return { kind: 'repair_point', repairPointId };
  return { kind: role === 'agent' ? 'agent' : 'customer', userId };
}
const ok: LiveAck = { ok: true };

/**
 * The live chat, socket.io namespace `/live` (`liveClientEvents` in the contracts): a socket signed in
 * with the HTTP session's token follows the consultations its user may read, and agents the queue.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
@UseFilters(LiveExceptionFilter)
export class LiveWsGateway
  implements
    OnGatewayInit<Namespace>,
    OnGatewayConnection<Socket>,
    OnGatewayDisconnect<Socket>,
    OnModuleDestroy
{
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly authenticator: Authenticator,
    private readonly ownership: Ownership,
    private readonly followers: LiveFollowers,
    private readonly services: ServiceClient,
    @Inject(BROADCASTS) private readonly broadcasts: Broadcasts,
  ) {}

  /** A handshake without a valid session is refused: the client's `connect_error` carries the refusal. */
  afterInit(namespace: Namespace): void {
    namespace.use((socket, next) => {
      Promise.resolve()
        .then(() => this.authenticator.authenticate(liveCredentials(socket)))
        .then(
          (principal) => {
            if (principal.kind === 'user') (socket.data as LiveSocketData).principal = principal;
            next();
          },
          (error: unknown) => {
            const refusal = liveRefusalOf(error);
            next(Object.assign(new Error(refusal.message), { data: refusal }));
          },
        );
    });
    // A session that ends, or an account whose role changes, takes its sockets along: a signed-out
    // browser hears no more of the chat, and one still signed in connects again with what it may now see.
    const disconnect = (ends: (principal: UserPrincipal) => boolean) => {
      for (const socket of namespace.sockets.values()) {
        const { principal } = socket.data as LiveSocketData;
        if (principal && ends(principal)) socket.disconnect(true);
      }
    };
    this.stops.push(
      this.broadcasts.listen(identityNotices.sessionEnded, (notice) => {
        const { sessionId } = notice as IdentityNotices['sessionEnded'];
        disconnect((principal) => principal.sessionId === sessionId);
      }),
      this.broadcasts.listen(identityNotices.userChanged, (notice) => {
        const { userId } = notice as IdentityNotices['userChanged'];
        disconnect((principal) => principal.userId === userId);
      }),
      // Every gateway hears each change and brings it to its own sockets that follow the order.
      this.broadcasts.listen(repairOrderNotices.changed, (notice) => {
        const { order } = repairOrderChangedNoticeSchema.parse(notice);
        namespace.to(orderRoom(order.diagnosisCode)).emit('order', order);
      }),
      // A parcel's checkpoint leaves the order as it was: its followers are given the order again, as after
      // any change, and read its parcels anew.
      this.broadcasts.listen(logisticsNotices.shipmentChanged, (notice) => {
        const { diagnosisCode } = shipmentChangedNoticeSchema.parse(notice);
        void this.services
          .request(repairOrderMessages.get, { diagnosisCode, viewer: SUPPORT }, gatewayMetadata())
          .then((order) => namespace.to(orderRoom(diagnosisCode)).emit('order', order))
          .catch(() => undefined);
      }),
    );
  }

  onModuleDestroy(): void {
    this.stops.forEach((stop) => stop());
  }

  handleConnection(): void {
    metrics.openSockets.inc();
  }

  handleDisconnect(socket: Socket): void {
    metrics.openSockets.dec();
    this.followers.forget(socket);
  }

  /** The same rule as HTTP: a customer joins only their own consultation, another's answers not found. */
  @OnLive('join', participants)
  async join(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
    @LiveUser() user: UserPrincipal,
    @Ack() acknowledge: (ack: JoinAck) => void,
  ): Promise<void> {
    const { consultationId, afterSeq } = parseInput(liveClientEvents.join, body);
    await this.ownership.check('consultation', user, { id: consultationId });
    await this.followers.join(socket, authorOf(user), consultationId, afterSeq, acknowledge);
  }

  @OnLive('leave', participants)
  leave(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): LiveAck {
    const { consultationId } = parseInput(liveClientEvents.leave, body);
    this.followers.leave(socket, consultationId);
    return ok;
  }

  @OnLive('watchQueue', agents)
  watchQueue(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): LiveAck {
    parseInput(liveClientEvents.watchQueue, body ?? {});
    this.followers.watchQueue(socket);
    return ok;
  }

  @OnLive('typing', participants)
  async typing(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const { consultationId } = parseInput(liveClientEvents.typing, body);
    await this.followers.typing(socket, consultationId);
    return ok;
  }

  /** Only an order the user may read over HTTP: another customer's, or another point's, answers not found. */
  @OnLive('followOrder', orderViewers)
  async followOrder(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
    @LiveUser() user: UserPrincipal,
  ): Promise<{ ok: true; order: RepairOrderDetail }> {
    const { diagnosisCode } = parseInput(orderLiveClientEvents.followOrder, body);
    const order = await this.services.request(
      repairOrderMessages.get,
      { diagnosisCode, viewer: orderViewerOf(user) },
      gatewayMetadata(),
    );
    await socket.join(orderRoom(diagnosisCode));
    return { ok: true, order };
  }

  @OnLive('unfollowOrder', orderViewers)
  async unfollowOrder(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const { diagnosisCode } = parseInput(orderLiveClientEvents.unfollowOrder, body);
    await socket.leave(orderRoom(diagnosisCode));
    return ok;
  }
}
