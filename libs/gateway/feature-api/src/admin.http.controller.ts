import { BadRequestException, Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
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
import { apiError } from '@aftersales/contracts/common';
import { warrantySubjects } from '@aftersales/contracts/warranty';
import { ServiceClient, ServiceError } from '@aftersales/shared-messaging';
import { Access } from './access/access.decorator.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

@ApiTags('admin')
@Controller('api/admin')
@Access({ roles: ['admin'] })
export class AdminHttpController {
  constructor(private readonly services: ServiceClient) {}

  /** Engineers and API keys act for a repair point, so it must be one the service network knows. */
  private async assertRepairPoint(repairPointId: string | undefined): Promise<void> {
    if (!repairPointId) return;
    try {
      await this.services.request(warrantySubjects.getRepairPoint, { id: repairPointId });
    } catch (error) {
      if (error instanceof ServiceError && error.error.statusCode === 404) {
        throw new BadRequestException(
          apiError(400, `repairPointId: no repair point ${repairPointId} is registered`),
        );
      }
      throw error;
    }
  }

  @Get('users')
  @ApiOperation({ summary: 'All accounts' })
  listUsers(): Promise<User[]> {
    return this.services.request(identitySubjects.listUsers, {});
  }

  @Post('users')
  @ApiOperation({ summary: 'Create an account of any role; engineers belong to a repair point' })
  async createUser(
    @Body(new ZodValidationPipe(createUserRequestSchema)) body: CreateUserRequest,
  ): Promise<User> {
    await this.assertRepairPoint(body.repairPointId);
    return this.services.request(identitySubjects.createUser, body);
  }

  @Get('api-keys')
  @ApiOperation({ summary: "Repair points' API keys (never the keys themselves)" })
  listApiKeys(): Promise<ApiKey[]> {
    return this.services.request(identitySubjects.listApiKeys, {});
  }

  @Post('api-keys')
  @ApiOperation({ summary: 'Create an API key for a repair point; the key is shown in this answer only' })
  async createApiKey(
    @Body(new ZodValidationPipe(createApiKeyRequestSchema)) body: CreateApiKeyRequest,
  ): Promise<ApiKey & { key: string }> {
    await this.assertRepairPoint(body.repairPointId);
    return this.services.request(identitySubjects.createApiKey, body);
  }

  @Delete('api-keys/:id')
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  revokeApiKey(@Param(new ZodValidationPipe(idParamSchema)) params: { id: string }): Promise<ApiKey> {
    return this.services.request(identitySubjects.revokeApiKey, params);
  }
}
