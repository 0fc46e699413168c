import { Controller, Delete, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { identityMessages, idParamSchema, type SessionSummary } from '@aftersales/contracts/identity';
import { ServiceClient } from '@aftersales/shared-messaging';
import { Access, anyUser, CurrentUser, type UserPrincipal } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { Reply } from './openapi/responses.js';

/** The caller's signed-in sessions: where the account is in use, and a way to end a session elsewhere. */
@ApiTags('auth')
@Controller('api/me/sessions')
export class SessionsHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access({ roles: anyUser })
  @ApiOperation({ summary: "The caller's active sessions, the most recently active first" })
  @Reply(200, identityMessages.listSessions.reply)
  list(
    @CurrentUser() { userId, sessionId }: UserPrincipal,
    @Metadata() metadata: CommandMetadata,
  ): Promise<SessionSummary[]> {
    return this.services.request(
      identityMessages.listSessions,
      { userId, currentSessionId: sessionId },
      metadata,
    );
  }

  @Delete(':id')
  @Reply(204)
  @Access({ roles: anyUser, owned: 'session' })
  @ApiOperation({ summary: "Ends one of the caller's sessions at once; ending an ended one changes nothing" })
  async end(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<void> {
    await this.services.request(identityMessages.signOut, { sessionId: id }, metadata);
  }
}
