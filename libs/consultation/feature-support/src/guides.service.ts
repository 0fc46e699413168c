import { Inject, Injectable } from '@nestjs/common';
import { type CommandMetadata, NotFoundError } from '@aftersales/contracts/common';
import type {
  EditableGuide,
  Guide,
  GuideContent,
  GuideFeedbackReply,
  GuideQuery,
  GuideSearchResult,
  GuideVersion,
  GuideVersionSummary,
  StaffGuideSummary,
} from '@aftersales/contracts/consultation';
import {
  guideFeedbackProjection,
  GuideRepository,
  guidesProjection,
} from '@aftersales/consultation-data-access';
import {
  type GiveGuideFeedback,
  type GuideCommand,
  guideDecider,
  type GuideEvent,
  guideFeedbackDecider,
  type GuideFeedbackEvent,
  type GuideFeedbackState,
  guideFeedbackStream,
  guideNotFound,
  type GuideState,
  guideStream,
} from '@aftersales/consultation-domain';
import { CommandHandler, EVENT_STORE, type EventStore } from '@aftersales/shared-event-store';

/**
 * Self-service repair guides: each guide an event-sourced stream that support writes and publishes, each
 * customer's feedback on a guide a stream of its own; lists, search and versions are read models.
 */
@Injectable()
export class GuidesService {
  private readonly guides: CommandHandler<GuideCommand, GuideEvent, GuideState>;
  private readonly feedback: CommandHandler<GiveGuideFeedback, GuideFeedbackEvent, GuideFeedbackState>;

  constructor(
    private readonly readModel: GuideRepository,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.guides = new CommandHandler(store, guideDecider, [guidesProjection]);
    this.feedback = new CommandHandler(store, guideFeedbackDecider, [guideFeedbackProjection]);
  }

  search(query: GuideQuery): Promise<GuideSearchResult> {
    return this.readModel.search(query);
  }

  async get(guideId: string): Promise<Guide> {
    const guide = await this.readModel.findPublished(guideId);
    if (!guide) throw guideNotFound(guideId);
    return guide;
  }

  listAll(): Promise<StaffGuideSummary[]> {
    return this.readModel.listAll();
  }

  async getEditable(guideId: string): Promise<EditableGuide> {
    const guide = await this.readModel.findEditable(guideId);
    if (!guide) throw guideNotFound(guideId);
    return guide;
  }

  async versions(guideId: string): Promise<GuideVersionSummary[]> {
    const versions = await this.readModel.versions(guideId);
    if (versions.length === 0) throw guideNotFound(guideId);
    return versions;
  }

  async version(guideId: string, version: number): Promise<GuideVersion> {
    const found = await this.readModel.version(guideId, version);
    if (!found) {
      throw new NotFoundError(`Guide ${guideId} has no version ${version}`, {
        code: 'guide_version_not_found',
        params: { id: guideId, version },
      });
    }
    return found;
  }

  create(guideId: string, content: GuideContent, userId: string, metadata: CommandMetadata) {
    return this.change(guideId, { type: 'CreateGuide', data: { guideId, content, userId }, metadata });
  }

  /** `expectedVersion` is the version the change was made on (If-Match). */
  edit(
    guideId: string,
    content: GuideContent,
    userId: string,
    expectedVersion: number,
    metadata: CommandMetadata,
  ) {
    return this.change(
      guideId,
      { type: 'EditGuide', data: { guideId, content, userId }, metadata },
      expectedVersion,
    );
  }

  publish(guideId: string, userId: string, expectedVersion: number | undefined, metadata: CommandMetadata) {
    return this.change(
      guideId,
      { type: 'PublishGuide', data: { guideId, userId }, metadata },
      expectedVersion,
    );
  }

  withdraw(guideId: string, userId: string, expectedVersion: number | undefined, metadata: CommandMetadata) {
    return this.change(
      guideId,
      { type: 'WithdrawGuide', data: { guideId, userId }, metadata },
      expectedVersion,
    );
  }

  /** Only on a guide readers can see: what a customer says of a draft would count for nothing. */
  async giveFeedback(
    guideId: string,
    customerId: string,
    helpful: boolean,
    metadata: CommandMetadata,
  ): Promise<GuideFeedbackReply> {
    const published = (await this.readModel.findPublished(guideId)) !== undefined;
    await this.feedback.handle(guideFeedbackStream(guideId, customerId), {
      type: 'GiveGuideFeedback',
      data: { guideId, customerId, helpful, published },
      metadata,
    });
    const guide = await this.get(guideId);
    return { helpful, feedback: guide.feedback };
  }

  /** Whether a guide exists, drafts included: the demo seed leaves support's own changes alone. */
  async exists(guideId: string): Promise<boolean> {
    return (await this.readModel.findEditable(guideId)) !== undefined;
  }

  /** Every change to a guide answers it as support now sees it. */
  private async change(
    guideId: string,
    command: GuideCommand,
    expectedVersion?: number,
  ): Promise<EditableGuide> {
    await this.guides.handle(
      guideStream(guideId),
      command,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
    return this.getEditable(guideId);
  }
}
