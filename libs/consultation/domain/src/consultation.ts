import {
  ConflictError,
  type EventDataOf,
  IllegalTransitionError,
  InvalidError,
  NotFoundError,
} from '@aftersales/contracts/common';
import {
  type Attachment,
  type Author,
  type ConsultationDevice,
  consultationEvents,
  type ConsultationOutcome,
  MAX_ATTACHMENTS_PER_MESSAGE,
} from '@aftersales/contracts/consultation';
import type { Command, Decider } from '@aftersales/shared-decider';

type Events = typeof consultationEvents;
type EventOf<K extends keyof Events> = { type: Events[K]['type']; data: EventDataOf<Events[K]> };

/** The contract's events, spelled there once. */
export type ConsultationEvent = { [K in keyof Events]: EventOf<K> }[keyof Events];

export interface NewMessage {
  messageId: string;
  text?: string;
  attachments: Attachment[];
}

export type OpenConsultation = Command<
  'OpenConsultation',
  {
    consultationId: string;
    number: string;
    customerId: string;
    device: ConsultationDevice;
    /** Whether the machine is in warranty today, by the warranty service's answer. */
    inWarranty: boolean;
    firstMessage?: NewMessage;
  }
>;
export type PostMessage = Command<'PostMessage', { author: Author; message: NewMessage }>;
export type MarkRead = Command<'MarkRead', { reader: Author; upToSeq: number }>;
export type TakeConsultation = Command<'TakeConsultation', { agentId: string }>;
export type HandOver = Command<
  'HandOver',
  {
    agentId: string;
    toAgentId: string;
    /** Whether the receiver is an agent who may sign in, by the identity service's answer. */
    receiverIsAgent: boolean;
  }
>;
export type ResolveConsultation = Command<'ResolveConsultation', { agentId: string }>;
export type ConvertConsultation = Command<'ConvertConsultation', { agentId: string; diagnosisCode: string }>;

export type ConsultationCommand =
  | OpenConsultation
  | PostMessage
  | MarkRead
  | TakeConsultation
  | HandOver
  | ResolveConsultation
  | ConvertConsultation;

export type ConsultationState =
  | { status: 'none' }
  | {
      status: 'open' | 'in_progress' | 'completed';
      consultationId: string;
      customerId: string;
      device: ConsultationDevice;
      owner?: string;
      outcome?: ConsultationOutcome;
      lastSeq: number;
      messageIds: ReadonlySet<string>;
      /** How far each side has read, by the seq of the last message it saw. */
      readUpTo: { customer: number; agent: number };
    };

type Opened = Exclude<ConsultationState, { status: 'none' }>;

/** The stream of one consultation's events. */
export const consultationStream = (id: string) => `consultation-${id}`;

function checkMessage({ text, attachments }: NewMessage): void {
  if (!text?.trim() && attachments.length === 0) {
    throw new InvalidError('A message needs text or at least one attachment', { code: 'message_empty' });
  }
  if (attachments.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    throw new InvalidError(`A message carries at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`, {
      code: 'too_many_attachments',
      params: { max: MAX_ATTACHMENTS_PER_MESSAGE },
    });
  }
}

function posted(
  consultationId: string,
  seq: number,
  author: Author,
  { messageId, text, attachments }: NewMessage,
  postedAt: string,
): ConsultationEvent {
  return {
    type: 'MessagePosted',
    data: {
      consultationId,
      messageId,
      seq,
      author,
      ...(text?.trim() ? { text: text.trim() } : {}),
      attachments,
      postedAt,
    },
  };
}

function opened(state: ConsultationState): Opened {
  if (state.status === 'none') {
    throw new NotFoundError('No such consultation', { code: 'consultation_not_found' });
  }
  return state;
}

/** Only the agent who holds a consultation acts on it for support; everyone else is told who does. */
function assertOwner(state: Opened, agentId: string, command: string): void {
  if (state.status !== 'in_progress') {
    throw new IllegalTransitionError(
      state.status,
      command,
      state.status === 'open'
        ? 'Take the consultation first'
        : 'The consultation is completed; nothing more can be decided on it',
    );
  }
  if (state.owner !== agentId) {
    throw new ConflictError(`Another agent (${state.owner}) holds this consultation`, {
      code: 'consultation_held',
      params: { agentId: state.owner! },
    });
  }
}

/** A customer writes only in their own consultations; an agent only in one they hold or held last. */
function assertMayWrite(state: Opened, author: Author): void {
  const allowed =
    author.kind === 'customer' ? author.userId === state.customerId : author.userId === state.owner;
  if (allowed) return;
  // Whether another customer's consultation exists is not the caller's business.
  if (author.kind === 'customer') {
    throw new NotFoundError('No such consultation', { code: 'consultation_not_found' });
  }
  throw new ConflictError('Take the consultation before answering it', { code: 'consultation_not_held' });
}

export const consultationDecider: Decider<ConsultationCommand, ConsultationEvent, ConsultationState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const { now } = command.metadata;
    switch (command.type) {
      case 'OpenConsultation': {
        const { consultationId, number, customerId, device, inWarranty, firstMessage } = command.data;
        if (state.status !== 'none') {
          throw new ConflictError(`Consultation ${consultationId} exists already`, {
            code: 'consultation_exists',
          });
        }
        if (!inWarranty) {
          throw new InvalidError(`The machine ${device.sn} is out of warranty`, {
            code: 'out_of_warranty',
            params: { sn: device.sn, warrantyEndsOn: device.warrantyEndsOn },
          });
        }
        if (firstMessage) checkMessage(firstMessage);
        return [
          {
            type: 'ConsultationOpened',
            data: { consultationId, number, customerId, device, openedAt: now },
          },
          ...(firstMessage
            ? [posted(consultationId, 1, { kind: 'customer', userId: customerId }, firstMessage, now)]
            : []),
        ];
      }
      case 'PostMessage': {
        const current = opened(state);
        const { author, message } = command.data;
        assertMayWrite(current, author);
        // A client that did not hear the answer sends the same message again: it is posted once.
        if (current.messageIds.has(message.messageId)) return [];
        checkMessage(message);
        return [posted(current.consultationId, current.lastSeq + 1, author, message, now)];
      }
      case 'MarkRead': {
        const current = opened(state);
        const { reader, upToSeq } = command.data;
        if (reader.kind === 'customer') assertMayWrite(current, reader);
        if (upToSeq > current.lastSeq) {
          throw new InvalidError(`upToSeq: the consultation has ${current.lastSeq} messages`, {
            code: 'read_beyond_last',
            params: { lastSeq: current.lastSeq },
          });
        }
        if (upToSeq <= current.readUpTo[reader.kind]) return [];
        return [
          {
            type: 'MessagesRead',
            data: { consultationId: current.consultationId, reader, upToSeq, readAt: now },
          },
        ];
      }
      case 'TakeConsultation': {
        const current = opened(state);
        const { agentId } = command.data;
        if (current.status === 'in_progress' && current.owner === agentId) return [];
        if (current.status === 'in_progress') {
          throw new ConflictError(`Another agent (${current.owner}) took this consultation first`, {
            code: 'consultation_taken',
            params: { agentId: current.owner! },
          });
        }
        if (current.status === 'completed') {
          throw new IllegalTransitionError('completed', 'TakeConsultation', 'The consultation is completed');
        }
        return [
          {
            type: 'ConsultationTaken',
            data: { consultationId: current.consultationId, agentId, takenAt: now },
          },
        ];
      }
      case 'HandOver': {
        const current = opened(state);
        const { agentId, toAgentId, receiverIsAgent } = command.data;
        assertOwner(current, agentId, 'HandOver');
        if (toAgentId === agentId) {
          throw new InvalidError('agentId: hand the consultation to another agent', {
            code: 'hand_over_to_self',
          });
        }
        if (!receiverIsAgent) {
          throw new InvalidError(`agentId: ${toAgentId} is not an active agent`, {
            code: 'hand_over_to_non_agent',
          });
        }
        return [
          {
            type: 'ConsultationHandedOver',
            data: {
              consultationId: current.consultationId,
              fromAgentId: agentId,
              toAgentId,
              handedOverAt: now,
            },
          },
        ];
      }
      case 'ResolveConsultation': {
        const current = opened(state);
        assertOwner(current, command.data.agentId, 'ResolveConsultation');
        return [
          {
            type: 'ConsultationResolved',
            data: { consultationId: current.consultationId, agentId: command.data.agentId, resolvedAt: now },
          },
        ];
      }
      case 'ConvertConsultation': {
        const current = opened(state);
        const { agentId, diagnosisCode } = command.data;
        assertOwner(current, agentId, 'ConvertConsultation');
        return [
          {
            type: 'ConsultationConverted',
            data: {
              consultationId: current.consultationId,
              agentId,
              customerId: current.customerId,
              device: current.device,
              diagnosisCode,
              convertedAt: now,
            },
          },
        ];
      }
      default: {
        const unknown: never = command;
        throw new Error(`Unknown command ${(unknown as Command).type}`);
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'ConsultationOpened') {
      const { consultationId, customerId, device } = event.data;
      return {
        status: 'open',
        consultationId,
        customerId,
        device,
        lastSeq: 0,
        messageIds: new Set(),
        readUpTo: { customer: 0, agent: 0 },
      };
    }
    const current = opened(state);
    switch (event.type) {
      case 'MessagePosted':
        return {
          ...current,
          lastSeq: event.data.seq,
          messageIds: new Set(current.messageIds).add(event.data.messageId),
          // Whoever writes has read everything before their message.
          readUpTo: { ...current.readUpTo, [event.data.author.kind]: event.data.seq },
        };
      case 'MessagesRead':
        return {
          ...current,
          readUpTo: { ...current.readUpTo, [event.data.reader.kind]: event.data.upToSeq },
        };
      case 'ConsultationTaken':
        return { ...current, status: 'in_progress', owner: event.data.agentId };
      case 'ConsultationHandedOver':
        return { ...current, owner: event.data.toAgentId };
      case 'ConsultationResolved':
        return { ...current, status: 'completed', outcome: 'resolved' };
      case 'ConsultationConverted':
        return { ...current, status: 'completed', outcome: 'converted' };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${(unknown as ConsultationEvent).type}`);
      }
    }
  },
};
