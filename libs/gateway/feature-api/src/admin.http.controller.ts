import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ApiKey,
  type CreateApiKeyRequest,
  createApiKeyRequestSchema,
  type CreateUserRequest,
  createUserRequestSchema,
  idParamSchema,
  identitySubjects,
  type User,
} from '@aftersales/contracts/identity';
import { ServiceClient } from '@aftersales/shared-messaging';
import { Access } from './access/access.decorator.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

@ApiTags('admin')
@Controller('api/admin')
@Access({ roles: ['admin'] })
export class AdminHttpController {
  constructor(private readonly services: ServiceClient) {}

  @Get('users')
  @ApiOperation({ summary: 'All accounts' })
  listUsers(): Promise<User[]> {
    return this.services.request(identitySubjects.listUsers, {});
  }

  @Post('users')
  @ApiOperation({ summary: 'Create an account of any role; engineers belong to a repair point' })
  createUser(@Body(new ZodValidationPipe(createUserRequestSchema)) body: CreateUserRequest): Promise<User> {
    return this.services.request(identitySubjects.createUser, body);
  }

  @Get('api-keys')
  @ApiOperation({ summary: "Repair points' API keys (never the keys themselves)" })
  listApiKeys(): Promise<ApiKey[]> {
    return this.services.request(identitySubjects.listApiKeys, {});
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a repair point; the key is shown in this answer only' })
  createApiKey(
    @Body(new ZodValidationPipe(createApiKeyRequestSchema)) body: CreateApiKeyRequest,
  ): Promise<ApiKey & { key: string }> {
    return this.services.request(identitySubjects.createApiKey, body);
  }

  @Delete('api-keys/:id')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  revokeApiKey(@Param(new ZodValidationPipe(idParamSchema)) params: { id: string }): Promise<ApiKey> {
    return this.services.request(identitySubjects.revokeApiKey, params);
  }
}
