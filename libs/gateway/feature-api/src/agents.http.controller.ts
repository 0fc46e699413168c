import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '@aftersales/contracts/common';
import { type Agent, identityMessages } from '@aftersales/contracts/identity';
import { ServiceClient } from '@aftersales/shared-messaging';
import { Access } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { Reply } from './openapi/responses.js';

/** Who the support team is: the agents a consultation can be handed over to. */
@ApiTags('agents')
@Controller('api/agents')
export class AgentsHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Access({ roles: ['agent', 'admin'] })
  @ApiOperation({ summary: 'The active agents, by display name: id and name only' })
  @Reply(200, identityMessages.listAgents.reply)
  list(@Metadata() metadata: CommandMetadata): Promise<Agent[]> {
    return this.services.request(identityMessages.listAgents, {}, metadata);
  }
}
