import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ApiKey,
  type CreateApiKeyRequest,
  createApiKeyRequestSchema,
  type CreateUserRequest,
  createUserRequestSchema,
  identityMessages,
  idParamSchema,
  type IssuedApiKey,
  type User,
} from '@aftersales/contracts/identity';
import { type CommandMetadata, InvalidError } from '@aftersales/contracts/common';
import { warrantyMessages } from '@aftersales/contracts/warranty';
import { ServiceClient, ServiceError } from '@aftersales/shared-messaging';
import { Access } from './access/access.decorator.js';
import { Metadata } from './command-metadata.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

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
  @ApiOperation({ summary: 'All accounts' })
  listUsers(@Metadata() metadata: CommandMetadata): Promise<User[]> {
    return this.services.request(identityMessages.listUsers, {}, metadata);
  }

  @Post('users')
  @ApiOperation({ summary: 'Create an account of any role; engineers belong to a repair point' })
  async createUser(
    @Body(new ZodValidationPipe(createUserRequestSchema)) body: CreateUserRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<User> {
    await this.assertRepairPoint(body.repairPointId, metadata);
    return this.services.request(identityMessages.createUser, body, metadata);
  }

  @Get('api-keys')
  @ApiOperation({ summary: "Repair points' API keys (never the keys themselves)" })
  listApiKeys(@Metadata() metadata: CommandMetadata): Promise<ApiKey[]> {
    return this.services.request(identityMessages.listApiKeys, {}, metadata);
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a repair point; the key is shown in this answer only' })
  async createApiKey(
    @Body(new ZodValidationPipe(createApiKeyRequestSchema)) body: CreateApiKeyRequest,
    @Metadata() metadata: CommandMetadata,
  ): Promise<IssuedApiKey> {
    await this.assertRepairPoint(body.repairPointId, metadata);
    return this.services.request(identityMessages.createApiKey, body, metadata);
  }

  @Delete('api-keys/:id')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  revokeApiKey(
    @Param(new ZodValidationPipe(idParamSchema)) params: { id: string },
    @Metadata() metadata: CommandMetadata,
  ): Promise<ApiKey> {
    return this.services.request(identityMessages.revokeApiKey, params, metadata);
  }
}
