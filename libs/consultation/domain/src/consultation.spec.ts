import { describe, it } from '@jest/globals';
import {
  ConflictError,
  IllegalTransitionError,
  InvalidError,
  NotFoundError,
} from '@aftersales/contracts/common';
import type { Attachment } from '@aftersales/contracts/consultation';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type ConsultationCommand, consultationDecider, type ConsultationEvent } from './consultation.js';

const spec = DeciderSpecification.for(consultationDecider);

const ID = '0b6f1c52-3f7a-4d43-9b7e-2f1d7c9e4a10';
const CUSTOMER = '5d1c2b3a-1111-4aaa-8bbb-000000000001';
const OTHER_CUSTOMER = '5d1c2b3a-1111-4aaa-8bbb-000000000002';
const AGENT = '7e2d3c4b-2222-4ccc-9ddd-000000000001';
const OTHER_AGENT = '7e2d3c4b-2222-4ccc-9ddd-000000000002';
const device = { sn: 'ZH10014510045', model: 'VolcMiner D1', warrantyEndsOn: '2027-06-30' };
const customer = { kind: 'customer', userId: CUSTOMER } as const;
const agent = { kind: 'agent', userId: AGENT } as const;

const metadata = (now: string) => ({
  actor: 'user:x',
  commandId: `command-${now}`,
  correlationId: 'correlation-1',
  causationId: 'correlation-1',
  now,
});
const T1 = '2026-11-28T08:00:00.000Z';
const T2 = '2026-11-28T08:05:00.000Z';
const at = metadata(T2);

const photo = (n: number): Attachment => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `board-${n}.jpg`,
  contentType: 'image/jpeg',
  size: 1_000 + n,
});

const open = (data: Partial<Extract<ConsultationCommand, { type: 'OpenConsultation' }>['data']> = {}) =>
  ({
    type: 'OpenConsultation',
    data: {
      consultationId: ID,
      number: 'C-0B6F1C52',
      customerId: CUSTOMER,
      device,
      inWarranty: true,
      ...data,
    },
    metadata: metadata(T1),
  }) satisfies ConsultationCommand;

const post = (
  author: { kind: 'customer' | 'agent'; userId: string },
  message: object,
): ConsultationCommand => ({
  type: 'PostMessage',
  data: {
    author,
    message: { messageId: 'aaaaaaaa-0000-4000-8000-000000000001', attachments: [], ...message },
  },
  metadata: at,
});
const take = (agentId = AGENT): ConsultationCommand => ({
  type: 'TakeConsultation',
  data: { agentId },
  metadata: at,
});
const handOver = (agentId: string, toAgentId: string, receiverIsAgent = true): ConsultationCommand => ({
  type: 'HandOver',
  data: { agentId, toAgentId, receiverIsAgent },
  metadata: at,
});
const resolve = (agentId = AGENT): ConsultationCommand => ({
  type: 'ResolveConsultation',
  data: { agentId },
  metadata: at,
});
const convert = (agentId = AGENT): ConsultationCommand => ({
  type: 'ConvertConsultation',
  data: { agentId, diagnosisCode: 'ZH0090Gd' },
  metadata: at,
});
const markRead = (
  reader: { kind: 'customer' | 'agent'; userId: string },
  upToSeq: number,
): ConsultationCommand => ({
  type: 'MarkRead',
  data: { reader, upToSeq },
  metadata: at,
});

const opened: ConsultationEvent = {
  type: 'ConsultationOpened',
  data: { consultationId: ID, number: 'C-0B6F1C52', customerId: CUSTOMER, device, openedAt: T1 },
};
const message = (seq: number, author = customer, messageId = `aaaaaaaa-0000-4000-8000-00000000000${seq}`) =>
  ({
    type: 'MessagePosted',
    data: {
      consultationId: ID,
      messageId,
      seq,
      author,
      text: `message ${seq}`,
      attachments: [],
      postedAt: T1,
    },
  }) satisfies ConsultationEvent;
const taken = (agentId = AGENT): ConsultationEvent => ({
  type: 'ConsultationTaken',
  data: { consultationId: ID, agentId, takenAt: T1 },
});
const resolved: ConsultationEvent = {
  type: 'ConsultationResolved',
  data: { consultationId: ID, agentId: AGENT, resolvedAt: T1 },
};

describe('opening a consultation', () => {
  it('opens it for an in-warranty machine, stamped with the command time', () => {
    spec.given([]).when(open()).then([opened]);
  });

  it('posts the first message with it, as message 1 by the customer', () => {
    spec
      .given([])
      .when(
        open({
          firstMessage: {
            messageId: 'aaaaaaaa-0000-4000-8000-000000000001',
            text: '  fan error  ',
            attachments: [],
          },
        }),
      )
      .then([
        opened,
        {
          type: 'MessagePosted',
          data: {
            consultationId: ID,
            messageId: 'aaaaaaaa-0000-4000-8000-000000000001',
            seq: 1,
            author: customer,
            text: 'fan error',
            attachments: [],
            postedAt: T1,
          },
        },
      ]);
  });

  it('refuses a machine out of warranty, naming it', () => {
    spec
      .given([])
      .when(open({ inWarranty: false }))
      .thenThrows(InvalidError, (e) => e.code === 'out_of_warranty' && e.params?.sn === device.sn);
  });

  it('refuses to open the same consultation twice', () => {
    spec
      .given([opened])
      .when(open())
      .thenThrows(ConflictError, (e) => e.code === 'consultation_exists');
  });

  it('refuses a first message with four attachments', () => {
    spec
      .given([])
      .when(
        open({
          firstMessage: {
            messageId: 'aaaaaaaa-0000-4000-8000-000000000001',
            attachments: [1, 2, 3, 4].map(photo),
          },
        }),
      )
      .thenThrows(InvalidError, (e) => e.code === 'too_many_attachments');
  });
});

describe('chatting', () => {
  it('numbers each message after the last one', () => {
    spec
      .given([opened, message(1)])
      .when(
        post(customer, {
          messageId: 'bbbbbbbb-0000-4000-8000-000000000002',
          text: 'and a photo',
          attachments: [photo(1), photo(2)],
        }),
      )
      .then([
        {
          type: 'MessagePosted',
          data: {
            consultationId: ID,
            messageId: 'bbbbbbbb-0000-4000-8000-000000000002',
            seq: 2,
            author: customer,
            text: 'and a photo',
            attachments: [photo(1), photo(2)],
            postedAt: T2,
          },
        },
      ]);
  });

  it('posts a message sent again with the same id only once', () => {
    spec
      .given([opened, message(1, customer, 'bbbbbbbb-0000-4000-8000-000000000002')])
      .when(post(customer, { messageId: 'bbbbbbbb-0000-4000-8000-000000000002', text: 'message 1' }))
      .then([]);
  });

  it('takes a message of attachments alone, and refuses one with neither text nor attachment', () => {
    spec
      .given([opened])
      .when(post(customer, { text: '', attachments: [photo(3)] }))
      .then([
        {
          type: 'MessagePosted',
          data: {
            consultationId: ID,
            messageId: 'aaaaaaaa-0000-4000-8000-000000000001',
            seq: 1,
            author: customer,
            attachments: [photo(3)],
            postedAt: T2,
          },
        },
      ]);
    spec
      .given([opened])
      .when(post(customer, { text: '   ' }))
      .thenThrows(InvalidError, (e) => e.code === 'message_empty');
  });

  it('refuses a fourth attachment', () => {
    spec
      .given([opened])
      .when(post(customer, { attachments: [1, 2, 3, 4].map(photo) }))
      .thenThrows(InvalidError, (e) => e.code === 'too_many_attachments' && e.params?.max === 3);
  });

  it("answers another customer's message as if the consultation did not exist", () => {
    spec
      .given([opened])
      .when(post({ kind: 'customer', userId: OTHER_CUSTOMER }, { text: 'hello' }))
      .thenThrows(NotFoundError);
  });

  it('lets only the agent who holds the consultation answer', () => {
    spec
      .given([opened])
      .when(post(agent, { text: 'hello' }))
      .thenThrows(ConflictError, (e) => e.code === 'consultation_not_held');
    spec
      .given([opened, taken(OTHER_AGENT)])
      .when(post(agent, { text: 'hello' }))
      .thenThrows(ConflictError, (e) => e.code === 'consultation_not_held');
    spec
      .given([opened, taken()])
      .when(post(agent, { text: 'hello' }))
      .then([
        {
          type: 'MessagePosted',
          data: {
            consultationId: ID,
            messageId: 'aaaaaaaa-0000-4000-8000-000000000001',
            seq: 1,
            author: agent,
            text: 'hello',
            attachments: [],
            postedAt: T2,
          },
        },
      ]);
  });

  it('keeps the chat open after the consultation is completed', () => {
    spec
      .given([opened, taken(), resolved])
      .when(post(customer, { text: 'thanks' }))
      .then([
        {
          type: 'MessagePosted',
          data: {
            consultationId: ID,
            messageId: 'aaaaaaaa-0000-4000-8000-000000000001',
            seq: 1,
            author: customer,
            text: 'thanks',
            attachments: [],
            postedAt: T2,
          },
        },
      ]);
  });

  it('refuses a message to a consultation that does not exist', () => {
    spec
      .given([])
      .when(post(customer, { text: 'hello' }))
      .thenThrows(NotFoundError);
  });
});

describe('read marks', () => {
  it('records how far the agent read, and nothing when it read that far already', () => {
    spec
      .given([opened, taken(), message(1), message(2)])
      .when(markRead(agent, 2))
      .then([{ type: 'MessagesRead', data: { consultationId: ID, reader: agent, upToSeq: 2, readAt: T2 } }]);
    spec
      .given([
        opened,
        taken(),
        message(1),
        message(2),
        { type: 'MessagesRead', data: { consultationId: ID, reader: agent, upToSeq: 2, readAt: T1 } },
      ])
      .when(markRead(agent, 1))
      .then([]);
  });

  it('counts a message as read by the one who wrote it', () => {
    spec
      .given([opened, message(1), message(2)])
      .when(markRead(customer, 2))
      .then([]);
  });

  it('refuses a mark past the last message', () => {
    spec
      .given([opened, message(1)])
      .when(markRead(agent, 2))
      .thenThrows(InvalidError, (e) => e.code === 'read_beyond_last');
  });
});

describe('taking and handing over', () => {
  it('gives an open consultation to the agent who takes it', () => {
    spec
      .given([opened])
      .when(take())
      .then([{ type: 'ConsultationTaken', data: { consultationId: ID, agentId: AGENT, takenAt: T2 } }]);
  });

  it('changes nothing when its holder takes it again', () => {
    spec.given([opened, taken()]).when(take()).then([]);
  });

  it('tells a second agent who took it first', () => {
    spec
      .given([opened, taken(OTHER_AGENT)])
      .when(take())
      .thenThrows(ConflictError, (e) => e.code === 'consultation_taken' && e.params?.agentId === OTHER_AGENT);
  });

  it('refuses to take a completed consultation', () => {
    spec.given([opened, taken(), resolved]).when(take(OTHER_AGENT)).thenThrows(IllegalTransitionError);
  });

  it('hands it from its holder to another agent, who may then answer', () => {
    spec
      .given([opened, taken()])
      .when(handOver(AGENT, OTHER_AGENT))
      .then([
        {
          type: 'ConsultationHandedOver',
          data: { consultationId: ID, fromAgentId: AGENT, toAgentId: OTHER_AGENT, handedOverAt: T2 },
        },
      ]);
    const handedOver: ConsultationEvent = {
      type: 'ConsultationHandedOver',
      data: { consultationId: ID, fromAgentId: AGENT, toAgentId: OTHER_AGENT, handedOverAt: T1 },
    };
    spec
      .given([opened, taken(), handedOver])
      .when(post(agent, { text: 'hi' }))
      .thenThrows(ConflictError);
    spec
      .given([opened, taken(), handedOver])
      .when(resolve(OTHER_AGENT))
      .then([
        { type: 'ConsultationResolved', data: { consultationId: ID, agentId: OTHER_AGENT, resolvedAt: T2 } },
      ]);
  });

  it('refuses a hand-over by an agent who does not hold it, to oneself, or before anyone took it', () => {
    spec
      .given([opened, taken(OTHER_AGENT)])
      .when(handOver(AGENT, OTHER_AGENT))
      .thenThrows(ConflictError);
    spec
      .given([opened, taken()])
      .when(handOver(AGENT, AGENT))
      .thenThrows(InvalidError, (e) => e.code === 'hand_over_to_self');
    spec.given([opened]).when(handOver(AGENT, OTHER_AGENT)).thenThrows(IllegalTransitionError);
  });

  it('refuses a hand-over to someone who is not an active agent, naming the field', () => {
    spec
      .given([opened, taken()])
      .when(handOver(AGENT, CUSTOMER, false))
      .thenThrows(
        InvalidError,
        (e) =>
          e.code === 'hand_over_to_non_agent' && e.message === `agentId: ${CUSTOMER} is not an active agent`,
      );
  });
});

describe('the end of a consultation', () => {
  it('resolves it without repair', () => {
    spec
      .given([opened, taken()])
      .when(resolve())
      .then([{ type: 'ConsultationResolved', data: { consultationId: ID, agentId: AGENT, resolvedAt: T2 } }]);
  });

  it('converts it into a repair order, carrying what the order is opened from', () => {
    spec
      .given([opened, taken(), message(1)])
      .when(convert())
      .then([
        {
          type: 'ConsultationConverted',
          data: {
            consultationId: ID,
            agentId: AGENT,
            customerId: CUSTOMER,
            device,
            diagnosisCode: 'ZH0090Gd',
            convertedAt: T2,
          },
        },
      ]);
  });

  it('lets only its holder resolve or convert it', () => {
    spec
      .given([opened, taken(OTHER_AGENT)])
      .when(resolve())
      .thenThrows(ConflictError, (e) => e.code === 'consultation_held');
    spec
      .given([opened, taken(OTHER_AGENT)])
      .when(convert())
      .thenThrows(ConflictError, (e) => e.code === 'consultation_held');
  });

  it('refuses to resolve or convert one nobody took', () => {
    spec
      .given([opened])
      .when(resolve())
      .thenThrows(IllegalTransitionError, (e) => e.state === 'open');
    spec
      .given([opened])
      .when(convert())
      .thenThrows(IllegalTransitionError, (e) => e.state === 'open');
  });

  it('refuses to decide again on a completed consultation', () => {
    spec
      .given([opened, taken(), resolved])
      .when(convert())
      .thenThrows(IllegalTransitionError, (e) => e.state === 'completed');
    spec.given([opened, taken(), resolved]).when(resolve()).thenThrows(IllegalTransitionError);
    spec
      .given([opened, taken(), resolved])
      .when(handOver(AGENT, OTHER_AGENT))
      .thenThrows(IllegalTransitionError);
  });

  it('refuses every command on a consultation that does not exist', () => {
    for (const command of [take(), resolve(), convert(), handOver(AGENT, OTHER_AGENT), markRead(agent, 1)]) {
      spec.given([]).when(command).thenThrows(NotFoundError);
    }
  });
});
