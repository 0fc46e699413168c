import { Body, Controller, Delete, Get, Param, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import {
  type CannedReply,
  type CannedReplyInput,
  cannedReplyInputSchema,
  cannedReplyMessages as m,
  type CreateCannedReplyRequest,
  createCannedReplyRequestSchema,
} from '@aftersales/contracts/consultation';
import { idParamSchema } from '@aftersales/contracts/identity';
import { ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyReply } from 'fastify';
import { Access, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { IfMatch } from './if-match.js';
import { Refuses, Reply } from './openapi/responses.js';

/**
 * The canned replies agents answer with: one list for the whole support team, which its agents write and
 * keep up (and admins, who oversee support).
 */
@ApiTags('agents')
@Controller('api/canned-replies')
@Access({ roles: ['agent', 'admin'] })
export class CannedRepliesHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Every canned reply, by title' })
  @Reply(200, m.list.reply)
  list(@Metadata() metadata: CommandMetadata): Promise<CannedReply[]> {
    return this.services.request(m.list, {}, metadata);
  }

  @Post()
  @ApiOperation({
    summary: 'Create a canned reply under an id the client made',
    description:
      'Sending it again with the same id and words answers the reply as it is; other words under a used id ' +
      'answer 409.',
  })
  @Reply(201, m.create.reply, { ETag: 'The version of the reply, for the If-Match of a change' })
  @Refuses(409)
  async create(
    @Body({ schema: createCannedReplyRequestSchema }) { id, ...input }: CreateCannedReplyRequest,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CannedReply> {
    const created = await this.services.request(m.create, { cannedReplyId: id, input, userId }, metadata);
    void reply.header('etag', `"${created.version}"`);
    return created;
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change the title and text of a canned reply',
    description: 'Send `If-Match` with the version it was read at; a reply changed meanwhile answers 412.',
  })
  @Reply(200, m.edit.reply, { ETag: 'The version of the reply as changed, for the next If-Match' })
  @Refuses(404, 412, 428)
  async edit(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Body({ schema: cannedReplyInputSchema }) input: CannedReplyInput,
    @IfMatch('canned reply') expectedVersion: number,
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CannedReply> {
    const edited = await this.services.request(
      m.edit,
      { cannedReplyId: id, input, userId, expectedVersion },
      metadata,
    );
    void reply.header('etag', `"${edited.version}"`);
    return edited;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a canned reply; deleting a deleted one changes nothing' })
  @Reply(204)
  @Refuses(404)
  async delete(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @CurrentUser() { userId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ): Promise<void> {
    await this.services.request(m.delete, { cannedReplyId: id, userId }, metadata);
  }
}
