import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { guideMessages as m } from '@aftersales/contracts/consultation';
import { Answers } from '@aftersales/shared-messaging';
import { GuidesService } from './guides.service.js';

type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

/** The guides' answers on the bus: each contract's request, validated, handed to the service. */
@Controller()
export class GuidesMsController {
  constructor(private readonly guides: GuidesService) {}

  @Answers(m.search)
  search(query: Request<'search'>) {
    return this.guides.search(query);
  }

  @Answers(m.get)
  get({ guideId }: Request<'get'>) {
    return this.guides.get(guideId);
  }

  @Answers(m.listAll)
  listAll() {
    return this.guides.listAll();
  }

  @Answers(m.getEditable)
  getEditable({ guideId }: Request<'getEditable'>) {
    return this.guides.getEditable(guideId);
  }

  @Answers(m.versions)
  versions({ guideId }: Request<'versions'>) {
    return this.guides.versions(guideId);
  }

  @Answers(m.version)
  version({ guideId, version }: Request<'version'>) {
    return this.guides.version(guideId, version);
  }

  @Answers(m.create)
  create({ guideId, content, userId }: Request<'create'>, metadata: CommandMetadata) {
    return this.guides.create(guideId, content, userId, metadata);
  }

  @Answers(m.edit)
  edit({ guideId, content, userId, expectedVersion }: Request<'edit'>, metadata: CommandMetadata) {
    return this.guides.edit(guideId, content, userId, expectedVersion, metadata);
  }

  @Answers(m.publish)
  publish({ guideId, userId, expectedVersion }: Request<'publish'>, metadata: CommandMetadata) {
    return this.guides.publish(guideId, userId, expectedVersion, metadata);
  }

  @Answers(m.withdraw)
  withdraw({ guideId, userId, expectedVersion }: Request<'withdraw'>, metadata: CommandMetadata) {
    return this.guides.withdraw(guideId, userId, expectedVersion, metadata);
  }

  @Answers(m.feedback)
  feedback({ guideId, customerId, helpful }: Request<'feedback'>, metadata: CommandMetadata) {
    return this.guides.giveFeedback(guideId, customerId, helpful, metadata);
  }
}
