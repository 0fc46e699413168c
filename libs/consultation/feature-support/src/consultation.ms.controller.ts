import { Controller } from '@nestjs/common';
import type { CommandMetadata, ParsedRequestOf } from '@aftersales/contracts/common';
import { consultationMessages as m } from '@aftersales/contracts/consultation';
import { Answers } from '@aftersales/shared-messaging';
import { ConsultationService } from './consultation.service.js';

type Request<K extends keyof typeof m> = ParsedRequestOf<(typeof m)[K]>;

/** The consultation service's answers on the bus: each contract's request, validated, handed to the service. */
@Controller()
export class ConsultationMsController {
  constructor(private readonly consultations: ConsultationService) {}

  @Answers(m.open)
  open(request: Request<'open'>, metadata: CommandMetadata) {
    return this.consultations.open(request, metadata);
  }

  @Answers(m.owner)
  owner({ consultationId }: Request<'owner'>) {
    return this.consultations.owner(consultationId);
  }

  @Answers(m.get)
  get({ consultationId, viewer }: Request<'get'>) {
    return this.consultations.get(consultationId, viewer);
  }

  @Answers(m.list)
  list({ viewer, status }: Request<'list'>) {
    return this.consultations.list(viewer, status);
  }

  @Answers(m.listForCustomer)
  listForCustomer({ customerId }: Request<'listForCustomer'>) {
    return this.consultations.listForCustomer(customerId);
  }

  @Answers(m.messages)
  messages({ consultationId, viewer, ...page }: Request<'messages'>) {
    return this.consultations.messages(consultationId, viewer, page);
  }

  @Answers(m.post)
  post({ consultationId, author, message }: Request<'post'>, metadata: CommandMetadata) {
    return this.consultations.post(consultationId, author, message, metadata);
  }

  @Answers(m.markRead)
  markRead({ consultationId, reader, upToSeq }: Request<'markRead'>, metadata: CommandMetadata) {
    return this.consultations.markRead(consultationId, reader, upToSeq, metadata);
  }

  @Answers(m.take)
  take({ consultationId, agentId }: Request<'take'>, metadata: CommandMetadata) {
    return this.consultations.take(consultationId, agentId, metadata);
  }

  @Answers(m.handOver)
  handOver({ consultationId, agentId, toAgentId }: Request<'handOver'>, metadata: CommandMetadata) {
    return this.consultations.handOver(consultationId, agentId, toAgentId, metadata);
  }

  @Answers(m.resolve)
  resolve({ consultationId, agentId }: Request<'resolve'>, metadata: CommandMetadata) {
    return this.consultations.resolve(consultationId, agentId, metadata);
  }

  @Answers(m.convert)
  convert({ consultationId, agentId }: Request<'convert'>, metadata: CommandMetadata) {
    return this.consultations.convert(consultationId, agentId, metadata);
  }
}
