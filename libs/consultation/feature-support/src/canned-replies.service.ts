import { Inject, Injectable } from '@nestjs/common';
import type { CommandMetadata } from '@aftersales/contracts/common';
import type { CannedReply, CannedReplyInput } from '@aftersales/contracts/consultation';
import { CannedReplyRepository, cannedRepliesProjection } from '@aftersales/consultation-data-access';
import {
  type CannedReplyCommand,
  cannedReplyDecider,
  type CannedReplyEvent,
  type CannedReplyState,
  cannedReplyStream,
} from '@aftersales/consultation-domain';
import { CommandHandler, EVENT_STORE, type EventStore } from '@aftersales/shared-event-store';

/** The canned replies agents keep: each an event-sourced stream, the list a read model. */
@Injectable()
export class CannedRepliesService {
  private readonly replies: CommandHandler<CannedReplyCommand, CannedReplyEvent, CannedReplyState>;

  constructor(
    private readonly readModel: CannedReplyRepository,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.replies = new CommandHandler(store, cannedReplyDecider, [cannedRepliesProjection]);
  }

  list(): Promise<CannedReply[]> {
    return this.readModel.list();
  }

  async create(
    cannedReplyId: string,
    input: CannedReplyInput,
    userId: string,
    metadata: CommandMetadata,
  ): Promise<CannedReply> {
    await this.replies.handle(cannedReplyStream(cannedReplyId), {
      type: 'CreateCannedReply',
      data: { cannedReplyId, input, userId },
      metadata,
    });
    return this.stored(cannedReplyId);
  }

  /** `expectedVersion` is the version the agent's change was made on. */
  async edit(
    cannedReplyId: string,
    input: CannedReplyInput,
    userId: string,
    expectedVersion: number,
    metadata: CommandMetadata,
  ): Promise<CannedReply> {
    await this.replies.handle(
      cannedReplyStream(cannedReplyId),
      { type: 'EditCannedReply', data: { cannedReplyId, input, userId }, metadata },
      { expectedVersion },
    );
    return this.stored(cannedReplyId);
  }

  async delete(cannedReplyId: string, userId: string, metadata: CommandMetadata): Promise<{ deleted: true }> {
    await this.replies.handle(cannedReplyStream(cannedReplyId), {
      type: 'DeleteCannedReply',
      data: { cannedReplyId, userId },
      metadata,
    });
    return { deleted: true };
  }

  /** The read model holds the reply as soon as its command returns: it is kept in the same transaction. */
  private async stored(cannedReplyId: string): Promise<CannedReply> {
    const reply = await this.readModel.find(cannedReplyId);
    if (!reply) throw new Error(`Canned reply ${cannedReplyId} was decided but is not stored`);
    return reply;
  }
}
