import { Controller } from '@nestjs/common';
import type { ParsedRequestOf } from '@aftersales/contracts/common';
import { identityMessages as messages } from '@aftersales/contracts/identity';
import { Answers } from '@aftersales/shared-messaging';
import { AccountsService } from './accounts.service.js';

type Request<K extends keyof typeof messages> = ParsedRequestOf<(typeof messages)[K]>;

@Controller()
export class IdentityMsController {
  constructor(private readonly accounts: AccountsService) {}

  @Answers(messages.register)
  register(request: Request<'register'>) {
    return this.accounts.register(request);
  }

  @Answers(messages.signIn)
  signIn(request: Request<'signIn'>) {
    return this.accounts.signIn(request);
  }

  @Answers(messages.refresh)
  refresh(request: Request<'refresh'>) {
    return this.accounts.refresh(request);
  }

  @Answers(messages.signOut)
  signOut(request: Request<'signOut'>) {
    return this.accounts.signOut(request);
  }

  @Answers(messages.authenticate)
  authenticate(request: Request<'authenticate'>) {
    return this.accounts.authenticate(request);
  }

  @Answers(messages.me)
  me(request: Request<'me'>) {
    return this.accounts.me(request);
  }

  @Answers(messages.listSessions)
  listSessions(request: Request<'listSessions'>) {
    return this.accounts.listSessions(request);
  }

  @Answers(messages.sessionOwner)
  sessionOwner(request: Request<'sessionOwner'>) {
    return this.accounts.sessionOwner(request);
  }

  @Answers(messages.createUser)
  createUser(request: Request<'createUser'>) {
    return this.accounts.createUser(request);
  }

  @Answers(messages.listUsers)
  listUsers() {
    return this.accounts.listUsers();
  }

  @Answers(messages.createApiKey)
  createApiKey(request: Request<'createApiKey'>) {
    return this.accounts.createApiKey(request);
  }

  @Answers(messages.listApiKeys)
  listApiKeys() {
    return this.accounts.listApiKeys();
  }

  @Answers(messages.revokeApiKey)
  revokeApiKey(request: Request<'revokeApiKey'>) {
    return this.accounts.revokeApiKey(request);
  }
}
