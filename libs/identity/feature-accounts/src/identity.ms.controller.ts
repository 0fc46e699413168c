import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  createApiKeyRequestSchema,
  createUserRequestSchema,
  idParamSchema,
  identitySubjects,
  registerRequestSchema,
  signInRequestSchema,
} from '@aftersales/contracts/identity';
import { parsePayload } from '@aftersales/shared-messaging';
import { z } from 'zod';
import { AccountsService } from './accounts.service.js';

const client = z.object({ address: z.string().min(1), userAgent: z.string().optional() });
const token = z.string().min(1).max(2_000);

@Controller()
export class IdentityMsController {
  constructor(private readonly accounts: AccountsService) {}

  @MessagePattern(identitySubjects.register)
  register(@Payload() payload: unknown) {
    return this.accounts.register(parsePayload(registerRequestSchema.extend({ client }), payload));
  }

  @MessagePattern(identitySubjects.signIn)
  signIn(@Payload() payload: unknown) {
    return this.accounts.signIn(parsePayload(signInRequestSchema.extend({ client }), payload));
  }

  @MessagePattern(identitySubjects.refresh)
  refresh(@Payload() payload: unknown) {
    return this.accounts.refresh(parsePayload(z.object({ refreshToken: token }), payload));
  }

  @MessagePattern(identitySubjects.signOut)
  signOut(@Payload() payload: unknown) {
    const request = z.object({ refreshToken: token.optional(), sessionId: z.uuid().optional() });
    return this.accounts.signOut(parsePayload(request, payload));
  }

  @MessagePattern(identitySubjects.authenticate)
  authenticate(@Payload() payload: unknown) {
    const credentials = z.union([z.object({ accessToken: token }), z.object({ apiKey: token })]);
    return this.accounts.authenticate(parsePayload(credentials, payload));
  }

  @MessagePattern(identitySubjects.me)
  me(@Payload() payload: unknown) {
    return this.accounts.me(parsePayload(z.object({ userId: z.uuid() }), payload));
  }

  @MessagePattern(identitySubjects.listSessions)
  listSessions(@Payload() payload: unknown) {
    const request = z.object({ userId: z.uuid(), currentSessionId: z.uuid() });
    return this.accounts.listSessions(parsePayload(request, payload));
  }

  @MessagePattern(identitySubjects.sessionOwner)
  sessionOwner(@Payload() payload: unknown) {
    return this.accounts.sessionOwner(parsePayload(z.object({ sessionId: z.uuid() }), payload));
  }

  @MessagePattern(identitySubjects.createUser)
  createUser(@Payload() payload: unknown) {
    return this.accounts.createUser(parsePayload(createUserRequestSchema, payload));
  }

  @MessagePattern(identitySubjects.listUsers)
  listUsers() {
    return this.accounts.listUsers();
  }

  @MessagePattern(identitySubjects.createApiKey)
  createApiKey(@Payload() payload: unknown) {
    return this.accounts.createApiKey(parsePayload(createApiKeyRequestSchema, payload));
  }

  @MessagePattern(identitySubjects.listApiKeys)
  listApiKeys() {
    return this.accounts.listApiKeys();
  }

  @MessagePattern(identitySubjects.revokeApiKey)
  revokeApiKey(@Payload() payload: unknown) {
    return this.accounts.revokeApiKey(parsePayload(idParamSchema, payload));
  }
}
