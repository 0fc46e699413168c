import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { identityMessages as messages } from '@aftersales/contracts/identity';
import { Answers } from '@aftersales/shared-messaging';
import { AccountsService } from './accounts.service.js';
import { AdministrationService } from './administration.service.js';

type Request<K extends keyof typeof messages> = ParsedRequestOf<(typeof messages)[K]>;

@Controller()
export class IdentityMsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly administration: AdministrationService,
  ) {}

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
  createUser(request: Request<'createUser'>, metadata: CommandMetadata) {
    return this.administration.createUser(request, metadata);
  }

  @Answers(messages.listUsers)
  listUsers(request: Request<'listUsers'>) {
    return this.administration.listUsers(request);
  }

  @Answers(messages.listAgents)
  listAgents() {
    return this.administration.listAgents();
  }

  @Answers(messages.actorNames)
  actorNames(request: Request<'actorNames'>) {
    return this.administration.actorNames(request);
  }

  @Answers(messages.changeAccess)
  changeAccess(request: Request<'changeAccess'>, metadata: CommandMetadata) {
    return this.administration.changeAccess(request, metadata);
  }

  @Answers(messages.disableUser)
  disableUser(request: Request<'disableUser'>, metadata: CommandMetadata) {
    return this.administration.disableUser(request, metadata);
  }

  @Answers(messages.enableUser)
  enableUser(request: Request<'enableUser'>, metadata: CommandMetadata) {
    return this.administration.enableUser(request, metadata);
  }

  @Answers(messages.createApiKey)
  createApiKey(request: Request<'createApiKey'>, metadata: CommandMetadata) {
    return this.administration.createApiKey(request, metadata);
  }

  @Answers(messages.listApiKeys)
  listApiKeys() {
    return this.administration.listApiKeys();
  }

  @Answers(messages.revokeApiKey)
  revokeApiKey(request: Request<'revokeApiKey'>, metadata: CommandMetadata) {
    return this.administration.revokeApiKey(request, metadata);
  }

  @Answers(messages.listAudit)
  listAudit(request: Request<'listAudit'>) {
    return this.administration.listAudit(request);
  }
}
