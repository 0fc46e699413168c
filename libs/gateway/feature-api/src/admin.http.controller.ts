import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AccessChange,
  accessChangeSchema,
  type ApiKey,
  type AuditPage,
  type AuditQuery,
  auditQuerySchema,
  type CreateApiKeyRequest,
  createApiKeyRequestSchema,
  type CreateUserRequest,
  createUserRequestSchema,
  identityMessages,
  idParamSchema,
  type IssuedApiKey,
  type User,
  type UserQuery,
  userQuerySchema,
} from '@aftersales/contracts/identity';
import { type CommandMetadata, InvalidError } from '@aftersales/contracts/common';
import { warrantyMessages } from '@aftersales/contracts/warranty';
import { ServiceClient, ServiceError } from '@aftersales/shared-messaging';
import { Access } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { Refuses, Reply } from './openapi/responses.js';

@ApiTags('admin')
@Controller('api/admin')
@Access({ roles: ['admin'] })
export class AdminHttpController {
  constructor(private readonly services: ServiceClient) {}

  /** Engineers and API keys act for a repair point, so it must be one the service network knows. */
  private async assertRepairPoint(
    repairPointId: string | undefined,
    metadata: CommandMetadata,
  ): Promise<void> {
    if (!repairPointId) return;
    try {
      await this.services.request(warrantyMessages.getRepairPoint, { id: repairPointId }, metadata);
    } catch (error) {
      if (error instanceof ServiceError && error.error.statusCode === 404) {
        throw new InvalidError(`repairPointId: no repair point ${repairPointId} is registered`, {
          code: 'unknown_repair_point',
          params: { id: repairPointId },
        });
      }
      throw error;
    }
  }

  @Get('users')
  @ApiOperation({ summary: 'All accounts, or those whose email or name contains `q`' })
  @Reply(200, identityMessages.listUsers.reply)
  listUsers(
    @Query({ schema: userQuerySchema }) query: UserQuery,
    @Metadata() metadata: CommandMetadata,
  ): Promise<User[]> {
    return this.services.request(identityMessages.listUsers, query, metadata);
  }

  @Post('users')
  @ApiOperation({ summary: 'Create an account of any role; engineers belong to a repair point' })
  @Reply(201, identityMessages.createUser.reply)
  @Refuses(409)
  async createUser(
    @Body({ schema: createUserRequestSchema }) body: CreateUserRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<User> {
    await this.assertRepairPoint(body.repairPointId, metadata);
    return this.services.request(identityMessages.createUser, body, metadata);
  }

  @Get('api-keys')
  @ApiOperation({ summary: "Repair points' API keys (never the keys themselves)" })
  @Reply(200, identityMessages.listApiKeys.reply)
  listApiKeys(@Metadata() metadata: CommandMetadata): Promise<ApiKey[]> {
    return this.services.request(identityMessages.listApiKeys, {}, metadata);
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a repair point; the key is shown in this answer only' })
  @Reply(201, identityMessages.createApiKey.reply)
  async createApiKey(
    @Body({ schema: createApiKeyRequestSchema }) body: CreateApiKeyRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<IssuedApiKey> {
    await this.assertRepairPoint(body.repairPointId, metadata);
    return this.services.request(identityMessages.createApiKey, body, metadata);
  }

  @Delete('api-keys/:id')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @Reply(200, identityMessages.revokeApiKey.reply)
  @Refuses(404)
  revokeApiKey(
    @Param({ schema: idParamSchema }) params: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<ApiKey> {
    return this.services.request(identityMessages.revokeApiKey, params, metadata);
  }

  @Patch('users/:id')
  @ApiOperation({
    summary: "Change an account's role, or an engineer's repair point; tokens in use follow at once",
  })
  @Reply(200, identityMessages.changeAccess.reply)
  @Refuses(403, 404)
  async changeAccess(
    @Param({ schema: idParamSchema }) { id }: { id: string },
    @Body({ schema: accessChangeSchema }) access: AccessChange,
    @Metadata() metadata: CommandMetadata,
  ): Promise<User> {
    await this.assertRepairPoint(access.repairPointId, metadata);
    return this.services.request(identityMessages.changeAccess, { id, access }, metadata);
  }

  @Post('users/:id/disable')
  @ApiOperation({ summary: 'Disable an account: every session and token of it stops at once' })
  @Reply(200, identityMessages.disableUser.reply)
  @Refuses(403, 404)
  disableUser(
    @Param({ schema: idParamSchema }) params: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<User> {
    return this.services.request(identityMessages.disableUser, params, metadata);
  }

  @Post('users/:id/enable')
  @ApiOperation({ summary: 'Let a disabled account sign in again' })
  @Reply(200, identityMessages.enableUser.reply)
  @Refuses(404)
  enableUser(
    @Param({ schema: idParamSchema }) params: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<User> {
    return this.services.request(identityMessages.enableUser, params, metadata);
  }

  @Get('audit')
  @ApiOperation({
    summary: 'The audit trail of accounts, API keys and repair points: who did what, when; newest first',
  })
  @Reply(200, identityMessages.listAudit.reply)
  audit(
    @Query({ schema: auditQuerySchema }) query: AuditQuery,
    @Metadata() metadata: CommandMetadata,
  ): Promise<AuditPage> {
    return this.services.request(identityMessages.listAudit, query, metadata);
  }
}
