import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CommandMetadata, ForbiddenError } from '@aftersales/contracts/common';
import {
  type Author,
  consultationMessages as m,
  consultationsQuerySchema,
  type ConsultationStatus,
  type EarlierTickets,
  earlierTicketsSchema,
  type MessagesQuery,
  messagesQuerySchema,
  type OpenConsultationRequest,
  openConsultationRequestSchema,
  MAX_ATTACHMENTS_PER_MESSAGE,
  postMessageRequestSchema,
} from '@aftersales/contracts/consultation';
import { idParamSchema } from '@aftersales/contracts/identity';
import { repairOrderMessages } from '@aftersales/contracts/repair-orders';
import { namedUuid, ServiceClient } from '@aftersales/shared-messaging';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Access, type AccessRule, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { MessageUpload } from './attachments/message-upload.js';
import { Refuses, Reply } from './openapi/responses.js';
import { openApiSchemaOf } from './openapi/zod-openapi.js';
import { parseInput } from './zod-validation.pipe.js';

/** Customers and agents talk in a consultation; nobody else takes part in one. */
export function authorOf({ role, userId }: UserPrincipal): Author {
  if (role !== 'customer' && role !== 'agent') throw new ForbiddenError('Only customers and agents chat');
  return { kind: role, userId };
}

/** A customer reaches only their own consultations (another's answers 404); agents reach them all. */
const participants: AccessRule = { roles: ['customer', 'agent'], owned: 'consultation' };
const agents: AccessRule = { roles: ['agent'] };

/** A message with files, as a form; it is read as it streams in, so this documents and validates nothing. */
const messageFormSchema = postMessageRequestSchema.extend({
  files: z
    .array(z.file())
    .max(MAX_ATTACHMENTS_PER_MESSAGE)
    .optional()
    .meta({ description: `Up to ${MAX_ATTACHMENTS_PER_MESSAGE} files, each a part named \`files\`` }),
});

/**
 * Consultations: a customer opens one for an in-warranty machine and chats with support; an agent takes it,
 * answers, hands it over, and resolves it or converts it into a repair order. Another customer's
 * consultation answers 404.
 */
@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationsHttpController {
  constructor(
    private readonly services: ServiceClient,
    private readonly upload: MessageUpload,
  ) {}

  @Post()
  @Access({ roles: ['customer'] })
  @ApiOperation({
    summary: 'Open a consultation about an in-warranty machine, optionally with the first message',
    description:
      'With an `Idempotency-Key`, a retried request answers the consultation the first one opened.',
  })
  @Reply(201, m.open.reply)
  @Refuses(404)
  open(
    @Body({ schema: openConsultationRequestSchema }) { sn, text }: OpenConsultationRequest,
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    const firstMessage = text?.trim()
      ? { messageId: namedUuid(`${metadata.commandId}/first-message`), text, attachments: [] }
      : undefined;
    return this.services.request(
      m.open,
      {
        consultationId: namedUuid(`${metadata.commandId}/consultation`),
        customerId: user.userId,
        sn,
        ...(firstMessage ? { firstMessage } : {}),
      },
      metadata,
    );
  }

  @Get()
  @Access({ roles: ['customer', 'agent'] })
  @ApiOperation({
    summary:
      "A customer's own consultations, latest activity first; for agents the queue, longest waiting first",
  })
  @Reply(200, m.list.reply)
  list(
    @Query({ schema: consultationsQuerySchema }) { status }: { status?: ConsultationStatus },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.list, { viewer: authorOf(user), ...(status ? { status } : {}) }, metadata);
  }

  @Get(':id')
  @Access(participants)
  @ApiOperation({ summary: 'One consultation, with the unread count of the caller’s side' })
  @Reply(200, m.get.reply)
  get(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.get, { consultationId: id, viewer: authorOf(user) }, metadata);
  }

  @Get(':id/earlier-tickets')
  @Access(agents)
  @ApiOperation({
    summary:
      "The consultation's customer's other consultations and their repair orders, beside it in the console",
    description: 'Neither the consultation itself nor the repair order it was converted into is listed.',
  })
  @Reply(200, earlierTicketsSchema)
  @Refuses(404)
  async earlierTickets(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ): Promise<EarlierTickets> {
    const { customerId } = await this.services.request(
      m.get,
      { consultationId: id, viewer: authorOf(user) },
      metadata,
    );
    const [consultations, repairOrders] = await Promise.all([
      this.services.request(m.listForCustomer, { customerId }, metadata),
      this.services.request(repairOrderMessages.listForCustomer, { customerId }, metadata),
    ]);
    return {
      consultations: consultations.filter((c) => c.id !== id),
      repairOrders: repairOrders.filter((order) => order.consultationId !== id),
    };
  }

  @Get(':id/messages')
  @Access(participants)
  @ApiOperation({
    summary:
      'The chat history: the newest page, the page `before` a seq, or everything `after` one (catch-up)',
  })
  @Reply(200, m.messages.reply)
  messages(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Query({ schema: messagesQuerySchema }) { before, after, limit }: MessagesQuery,
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.messages,
      {
        consultationId: id,
        viewer: authorOf(user),
        limit,
        ...(before === undefined ? {} : { beforeSeq: before }),
        ...(after === undefined ? {} : { afterSeq: after }),
      },
      metadata,
    );
  }

  @Post(':id/messages')
  @Access(participants)
  @ApiOperation({
    summary: 'Send a message; sending the same `messageId` again posts it once and answers it as posted',
    description:
      `As JSON for text, or as multipart/form-data with up to ${MAX_ATTACHMENTS_PER_MESSAGE} \`files\`. ` +
      'Each file’s type is read from its bytes: photos, short videos and archives as `ATTACHMENT_TYPES` ' +
      'allows, and logs (`.log`, `.txt`) when their bytes are UTF-8 text. A file may have ' +
      '`ATTACHMENT_MAX_BYTES` (by default 25 MiB). A ' +
      'refused file (too many, too large, of another type, empty, or with a name that holds a folder or ' +
      'control characters) answers 400, 413 or 415 with its `code`, and nothing of the upload is kept.',
    requestBody: {
      required: true,
      content: {
        // `extend({})` drops the schema's component name: these schemas are inline, one per content type.
        'application/json': { schema: openApiSchemaOf(postMessageRequestSchema.extend({}), 'input') },
        'multipart/form-data': { schema: openApiSchemaOf(messageFormSchema, 'input') },
      },
    },
  })
  @Reply(201, m.post.reply)
  @Refuses(409, 413, 415)
  post(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Req() request: FastifyRequest,
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    const author = authorOf(user);
    if (request.isMultipart()) return this.upload.post(id, author, request, metadata);
    const message = parseInput(postMessageRequestSchema, request.body);
    return this.services.request(
      m.post,
      { consultationId: id, author, message: { ...message, attachments: [] } },
      metadata,
    );
  }

  @Post(':id/read')
  @Access(participants)
  @ApiOperation({ summary: 'Mark the messages up to `upToSeq` read by the caller’s side' })
  @Reply(200, m.markRead.reply)
  markRead(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Body({ schema: z.strictObject({ upToSeq: z.number().int().positive() }) })
    { upToSeq }: { upToSeq: number },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.markRead,
      { consultationId: id, reader: authorOf(user), upToSeq },
      metadata,
    );
  }

  @Post(':id/take')
  @Access(agents)
  @ApiOperation({ summary: 'Take an open consultation; when another agent has it, 409 names them' })
  @Reply(200, m.take.reply)
  @Refuses(409)
  take(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.take, { consultationId: id, agentId: user.userId }, metadata);
  }

  @Post(':id/hand-over')
  @Access(agents)
  @ApiOperation({
    summary: 'Hand a consultation the caller holds to another agent',
    description: 'The receiver must be an active agent (`GET /api/agents`); anyone else answers 400.',
  })
  @Reply(200, m.handOver.reply)
  @Refuses(409)
  handOver(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Body({ schema: z.strictObject({ agentId: z.uuid() }) }) { agentId }: { agentId: string },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(
      m.handOver,
      { consultationId: id, agentId: user.userId, toAgentId: agentId },
      metadata,
    );
  }

  @Post(':id/resolve')
  @Access(agents)
  @ApiOperation({ summary: 'Complete a consultation the caller holds without a repair (outcome `resolved`)' })
  @Reply(200, m.resolve.reply)
  @Refuses(409)
  resolve(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.resolve, { consultationId: id, agentId: user.userId }, metadata);
  }

  @Post(':id/convert')
  @Access(agents)
  @ApiOperation({
    summary:
      'Convert a consultation the caller holds into a repair order: it completes, and a diagnosis code is issued',
  })
  @Reply(200, m.convert.reply)
  @Refuses(409)
  convert(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @CurrentUser() user: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ) {
    return this.services.request(m.convert, { consultationId: id, agentId: user.userId }, metadata);
  }
}
