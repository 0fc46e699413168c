import { Inject, Injectable } from '@nestjs/common';
import { type CommandMetadata, NotFoundError } from '@aftersales/contracts/common';
import type {
  Author,
  ChatMessage,
  Consultation,
  ConsultationStatus,
  NewMessageRequest,
} from '@aftersales/contracts/consultation';
import { identityMessages } from '@aftersales/contracts/identity';
import { warrantyMessages } from '@aftersales/contracts/warranty';
import { ConsultationRepository, consultationsProjection } from '@aftersales/consultation-data-access';
import {
  type ConsultationCommand,
  consultationDecider,
  type ConsultationEvent,
  type ConsultationState,
  consultationStream,
} from '@aftersales/consultation-domain';
import { CommandHandler, EVENT_STORE, type EventStore } from '@aftersales/shared-event-store';
import { ServiceClient } from '@aftersales/shared-messaging';
import { consultationNumber, newDiagnosisCode } from './codes.js';
import { ConsultationNotices } from './consultation.notices.js';

const notFound = (id: string) =>
  new NotFoundError(`No consultation ${id}`, { code: 'consultation_not_found', params: { id } });

type Data<T extends ConsultationCommand['type']> = Extract<ConsultationCommand, { type: T }>['data'];

/** Consultations and their chat: each consultation an event-sourced stream, lists and messages read models. */
@Injectable()
export class ConsultationService {
  private readonly consultations: CommandHandler<ConsultationCommand, ConsultationEvent, ConsultationState>;

  constructor(
    private readonly readModel: ConsultationRepository,
    private readonly services: ServiceClient,
    private readonly notices: ConsultationNotices,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.consultations = new CommandHandler(store, consultationDecider, [consultationsProjection]);
  }

  async open(
    request: { consultationId: string; customerId: string; sn: string; firstMessage?: NewMessageRequest },
    metadata: CommandMetadata,
  ): Promise<Consultation> {
    const { consultationId, customerId, sn, firstMessage } = request;
    // An unknown SN is refused by the warranty service, in its words.
    const warranty = await this.services.request(warrantyMessages.lookup, { sn }, metadata);
    await this.decide(consultationId, 'OpenConsultation', metadata, {
      consultationId,
      number: consultationNumber(consultationId),
      customerId,
      device: { sn: warranty.sn, model: warranty.model, warrantyEndsOn: warranty.warrantyEndsOn },
      inWarranty: warranty.inWarranty,
      ...(firstMessage ? { firstMessage } : {}),
    });
    return this.get(consultationId, { kind: 'customer', userId: customerId });
  }

  async owner(consultationId: string): Promise<{ customerId?: string }> {
    const customerId = await this.readModel.customerOf(consultationId);
    return customerId ? { customerId } : {};
  }

  async get(consultationId: string, viewer: Author): Promise<Consultation> {
    const consultation = await this.readModel.find(consultationId, viewer);
    if (!consultation) throw notFound(consultationId);
    return consultation;
  }

  list(viewer: Author, status?: ConsultationStatus): Promise<Consultation[]> {
    return this.readModel.list(viewer, status);
  }

  listForCustomer(customerId: string): Promise<Consultation[]> {
    return this.readModel.listForCustomer(customerId);
  }

  async messages(
    consultationId: string,
    viewer: Author,
    page: { beforeSeq?: number; afterSeq?: number; limit: number },
  ): Promise<ChatMessage[]> {
    await this.get(consultationId, viewer);
    return this.readModel.messages(consultationId, page);
  }

  /** Posting a message again (same `messageId`) answers the message as it was posted the first time. */
  async post(
    consultationId: string,
    author: Author,
    message: NewMessageRequest,
    metadata: CommandMetadata,
  ): Promise<ChatMessage> {
    await this.decide(consultationId, 'PostMessage', metadata, { author, message });
    const posted = await this.readModel.message(consultationId, message.messageId);
    if (!posted) throw new Error(`Message ${message.messageId} was decided but is not stored`);
    return posted;
  }

  async markRead(consultationId: string, reader: Author, upToSeq: number, metadata: CommandMetadata) {
    await this.decide(consultationId, 'MarkRead', metadata, { reader, upToSeq });
    return this.get(consultationId, reader);
  }

  async take(consultationId: string, agentId: string, metadata: CommandMetadata) {
    await this.decide(consultationId, 'TakeConsultation', metadata, { agentId });
    return this.get(consultationId, { kind: 'agent', userId: agentId });
  }

  /** Only to an agent who may sign in, by the identity service's list of them. */
  async handOver(consultationId: string, agentId: string, toAgentId: string, metadata: CommandMetadata) {
    const agents = await this.services.request(identityMessages.listAgents, {}, metadata);
    const receiverIsAgent = agents.some((agent) => agent.id === toAgentId);
    await this.decide(consultationId, 'HandOver', metadata, { agentId, toAgentId, receiverIsAgent });
    return this.get(consultationId, { kind: 'agent', userId: toAgentId });
  }

  async resolve(consultationId: string, agentId: string, metadata: CommandMetadata) {
    await this.decide(consultationId, 'ResolveConsultation', metadata, { agentId });
    return this.get(consultationId, { kind: 'agent', userId: agentId });
  }

  /** The code is issued here, once: a retried conversion answers the code of the first. */
  async convert(consultationId: string, agentId: string, metadata: CommandMetadata) {
    await this.decide(consultationId, 'ConvertConsultation', metadata, {
      agentId,
      diagnosisCode: newDiagnosisCode(),
    });
    const consultation = await this.get(consultationId, { kind: 'agent', userId: agentId });
    return { consultation, diagnosisCode: consultation.diagnosisCode! };
  }

  private async decide<T extends ConsultationCommand['type']>(
    consultationId: string,
    type: T,
    metadata: CommandMetadata,
    data: Data<T>,
  ): Promise<void> {
    // No command here names the version its caller saw: one that meets another's append (the customer
    // writes while the agent takes and reads) is decided again on the newer state, not refused.
    const handled = await this.consultations.handle(
      consultationStream(consultationId),
      { type, data, metadata } as ConsultationCommand,
      { retryOnConflict: true },
    );
    if (!handled.replayed && handled.events.length > 0) {
      await this.notices.changed(consultationId, handled.events);
    }
  }
}
