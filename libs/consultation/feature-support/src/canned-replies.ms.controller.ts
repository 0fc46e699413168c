import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { cannedReplyMessages as m } from '@aftersales/contracts/consultation';
import { Answers } from '@aftersales/shared-messaging';
import { CannedRepliesService } from './canned-replies.service.js';

type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

/** The canned replies' answers on the bus: each contract's request, validated, handed to the service. */
@Controller()
export class CannedRepliesMsController {
  constructor(private readonly replies: CannedRepliesService) {}

  @Answers(m.list)
  list() {
    return this.replies.list();
  }

  @Answers(m.create)
  create({ cannedReplyId, input, userId }: Request<'create'>, metadata: CommandMetadata) {
    return this.replies.create(cannedReplyId, input, userId, metadata);
  }

  @Answers(m.edit)
  edit({ cannedReplyId, input, userId, expectedVersion }: Request<'edit'>, metadata: CommandMetadata) {
    return this.replies.edit(cannedReplyId, input, userId, expectedVersion, metadata);
  }

  @Answers(m.delete)
  delete({ cannedReplyId, userId }: Request<'delete'>, metadata: CommandMetadata) {
    return this.replies.delete(cannedReplyId, userId, metadata);
  }
}
