import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  type CreateGuideRequest,
  createGuideRequestSchema,
  type EditableGuide,
  type GuideContent,
  guideContentSchema,
  type GuideFeedbackRequest,
  guideFeedbackRequestSchema,
  guideIdSchema,
  guideMessages as m,
  type GuideQuery,
  guideQuerySchema,
} from '@aftersales/contracts/consultation';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Access, type AccessRule, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { IfMatch, OptionalIfMatch } from './if-match.js';
import { Refuses, Reply } from './openapi/responses.js';

/** Support writes the guides: its agents, and admins, who oversee support. */
const staff: AccessRule = { roles: ['agent', 'admin'] };

const guideParamSchema = z.strictObject({ id: guideIdSchema });
const versionParamSchema = z.strictObject({
  id: guideIdSchema,
  version: z.coerce
    .number({ error: 'must be a version number' })
    .int({ error: 'must be a version number' })
    .positive({ error: 'must be a version number' }),
});

/**
 * Self-service repair (自助维修): published guides for everyone, signed in or not; support writes,
 * publishes and withdraws them; customers say whether one solved their problem.
 */
@ApiTags('self-service repair')
@Controller('api/guides')
export class GuidesHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access({ public: true })
  @ApiOperation({
    summary: 'Search and browse the published guides',
    description:
      'With `q` (words in Chinese or English, symptoms, error codes), the guides that match, the most relevant ' +
      'first; without it, those that helped most first. `model` and `category` narrow either.',
  })
  @Reply(200, m.search.reply)
  search(@Query({ schema: guideQuerySchema }) query: GuideQuery, @Metadata() metadata: CommandMetadata) {
    return this.services.request(m.search, query, metadata);
  }

  @Get('all')
  @Access(staff)
  @ApiOperation({
    summary: 'Every guide, drafts included, the latest change first, with how often each helped',
  })
  @Reply(200, m.listAll.reply)
  listAll(@Metadata() metadata: CommandMetadata) {
    return this.services.request(m.listAll, {}, metadata);
  }

  @Get(':id')
  @Access({ public: true })
  @ApiOperation({ summary: 'A published guide; a draft answers 404' })
  @Reply(200, m.get.reply)
  @Refuses(404)
  get(@Param({ schema: guideParamSchema }) { id }: { id: string }, @Metadata() metadata: CommandMetadata) {
    return this.services.request(m.get, { guideId: id }, metadata);
  }

  @Get(':id/draft')
  @Access(staff)
  @ApiOperation({ summary: 'A guide as support edits it: its current content, published or not' })
  @Reply(200, m.getEditable.reply, { ETag: 'The version of the guide, for the If-Match of a change' })
  @Refuses(404)
  async getEditable(
    @Param({ schema: guideParamSchema }) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditableGuide> {
    return withEtag(reply, await this.services.request(m.getEditable, { guideId: id }, metadata));
  }

  @Get(':id/versions')
  @Access(staff)
  @ApiOperation({ summary: 'Every change of a guide, the latest first: who, when, which parts' })
  @Reply(200, m.versions.reply)
  @Refuses(404)
  versions(
    @Param({ schema: guideParamSchema }) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.versions, { guideId: id }, metadata);
  }

  @Get(':id/versions/:version')
  @Access(staff)
  @ApiOperation({ summary: 'One version of a guide, with its content' })
  @Reply(200, m.version.reply)
  @Refuses(404)
  version(
    @Param({ schema: versionParamSchema }) { id, version }: { id: string; version: number },
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.version, { guideId: id, version }, metadata);
  }

  @Post()
  @Access(staff)
  @ApiOperation({
    summary: 'Write a new guide, as a draft, under an id the client made',
    description:
      'Sending it again with the same id and content answers the guide as it is; other content under a used ' +
      'id answers 409.',
  })
  @Reply(201, m.create.reply, { ETag: 'The version of the guide, for the If-Match of a change' })
  @Refuses(409)
  async create(
    @Body({ schema: createGuideRequestSchema }) { id, ...content }: CreateGuideRequest,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditableGuide> {
    return withEtag(reply, await this.services.request(m.create, { guideId: id, content, userId }, metadata));
  }

  @Put(':id')
  @Access(staff)
  @ApiOperation({
    summary: 'Change a guide’s content',
    description:
      'Send `If-Match` with the version it was read at; a guide changed meanwhile answers 412. A published ' +
      'guide keeps showing readers its published content until it is published again.',
  })
  @Reply(200, m.edit.reply, { ETag: 'The version of the guide as changed, for the next If-Match' })
  @Refuses(404, 412, 428)
  async edit(
    @Param({ schema: guideParamSchema }) { id }: { id: string },
    @Body({ schema: guideContentSchema }) content: GuideContent,
    @IfMatch('guide') expectedVersion: number,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditableGuide> {
    return withEtag(
      reply,
      await this.services.request(m.edit, { guideId: id, content, userId, expectedVersion }, metadata),
    );
  }

  @Post(':id/publish')
  @Access(staff)
  @ApiOperation({
    summary: 'Publish a guide’s current content to readers',
    description: 'With `If-Match`, only if the guide is still at the version the caller reviewed (else 412).',
  })
  @Reply(200, m.publish.reply, { ETag: 'The version of the guide as published' })
  @Refuses(404, 412)
  async publish(
    @Param({ schema: guideParamSchema }) { id }: { id: string },
    @OptionalIfMatch('guide') expectedVersion: number | undefined,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditableGuide> {
    const request = { guideId: id, userId, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
    return withEtag(reply, await this.services.request(m.publish, request, metadata));
  }

  @Post(':id/withdraw')
  @Access(staff)
  @ApiOperation({
    summary: 'Take a guide off the readers’ pages; it stays a draft that can be published again',
    description: 'With `If-Match`, only if the guide is still at that version (else 412).',
  })
  @Reply(200, m.withdraw.reply, { ETag: 'The version of the guide as withdrawn' })
  @Refuses(404, 412)
  async withdraw(
    @Param({ schema: guideParamSchema }) { id }: { id: string },
    @OptionalIfMatch('guide') expectedVersion: number | undefined,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EditableGuide> {
    const request = { guideId: id, userId, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
    return withEtag(reply, await this.services.request(m.withdraw, request, metadata));
  }

  @Post(':id/feedback')
  @Access({ roles: ['customer'] })
  @ApiOperation({
    summary: 'Say whether a published guide solved the problem',
    description:
      'One answer per customer and guide: a later answer replaces theirs. Answers the guide’s counts.',
  })
  @Reply(200, m.feedback.reply)
  @Refuses(404)
  feedback(
    @Param({ schema: guideParamSchema }) { id }: { id: string },
    @Body({ schema: guideFeedbackRequestSchema }) { helpful }: GuideFeedbackRequest,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.feedback, { guideId: id, customerId: userId, helpful }, metadata);
  }
}

function withEtag(reply: FastifyReply, guide: EditableGuide): EditableGuide {
  void reply.header('etag', `"${guide.version}"`);
  return guide;
}
