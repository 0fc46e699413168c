import { describe, it } from '@jest/globals';
import { ConflictError, InvalidError, NotFoundError } from '@aftersales/contracts/common';
import { DeciderSpecification } from '@aftersales/shared-decider';
import { type CannedReplyCommand, cannedReplyDecider, type CannedReplyEvent } from './canned-reply.js';

const spec = DeciderSpecification.for(cannedReplyDecider);

const ID = '3c9d2e1f-4a5b-4c6d-8e7f-000000000001';
const AGENT = '7e2d3c4b-2222-4ccc-9ddd-000000000001';
const OTHER_AGENT = '7e2d3c4b-2222-4ccc-9ddd-000000000002';
const T1 = '2026-11-28T08:00:00.000Z';
const T2 = '2026-11-28T09:00:00.000Z';

const metadata = (now: string) => ({
  actor: 'user:x',
  commandId: `command-${now}`,
  correlationId: 'correlation-1',
  causationId: 'correlation-1',
  now,
});

const greeting = { title: '问候 Greeting', text: '您好，请问有什么可以帮您？' };
const shipping = { title: 'Mail-in', text: 'Please pack the machine in its original box.' };

const create = (input = greeting, userId = AGENT): CannedReplyCommand => ({
  type: 'CreateCannedReply',
  data: { cannedReplyId: ID, input, userId },
  metadata: metadata(T1),
});
const edit = (input: { title: string; text: string }, userId = OTHER_AGENT): CannedReplyCommand => ({
  type: 'EditCannedReply',
  data: { cannedReplyId: ID, input, userId },
  metadata: metadata(T2),
});
const remove = (userId = OTHER_AGENT): CannedReplyCommand => ({
  type: 'DeleteCannedReply',
  data: { cannedReplyId: ID, userId },
  metadata: metadata(T2),
});

const created: CannedReplyEvent = {
  type: 'CannedReplyCreated',
  data: { cannedReplyId: ID, ...greeting, createdBy: AGENT, createdAt: T1 },
};
const edited: CannedReplyEvent = {
  type: 'CannedReplyEdited',
  data: { cannedReplyId: ID, ...shipping, editedBy: OTHER_AGENT, editedAt: T1 },
};
const deleted: CannedReplyEvent = {
  type: 'CannedReplyDeleted',
  data: { cannedReplyId: ID, deletedBy: OTHER_AGENT, deletedAt: T1 },
};

describe('creating a canned reply', () => {
  it('when none exists, creates it with its author, stamped with the command time', () => {
    spec.given([]).when(create()).then([created]);
  });

  it('keeps the words without the spaces around them', () => {
    spec
      .given([])
      .when(create({ title: '  问候 Greeting ', text: '\n您好，请问有什么可以帮您？  ' }))
      .then([created]);
  });

  it('refuses a title or a text of spaces only, naming the field', () => {
    spec
      .given([])
      .when(create({ title: '   ', text: 'x' }))
      .thenThrows(InvalidError, (e) => e.message === 'title: is required');
    spec
      .given([])
      .when(create({ title: 'x', text: ' \n ' }))
      .thenThrows(InvalidError, (e) => e.message === 'text: is required');
  });

  it('when it exists with the same words, creating it again changes nothing', () => {
    spec.given([created]).when(create()).then([]);
  });

  it('when the id is taken by other words, or by a deleted reply, creating is refused', () => {
    spec
      .given([created])
      .when(create(shipping))
      .thenThrows(ConflictError, (e) => e.code === 'canned_reply_exists' && e.params?.id === ID);
    spec.given([created, deleted]).when(create()).thenThrows(ConflictError);
  });
});

describe('editing a canned reply', () => {
  it('records the new words and who wrote them', () => {
    spec
      .given([created])
      .when(edit(shipping))
      .then([
        {
          type: 'CannedReplyEdited',
          data: { cannedReplyId: ID, ...shipping, editedBy: OTHER_AGENT, editedAt: T2 },
        },
      ]);
  });

  it('when the words are the same, records nothing', () => {
    spec.given([created, edited]).when(edit(shipping)).then([]);
  });

  it('when none exists, or it was deleted, editing is refused as not found', () => {
    spec
      .given([])
      .when(edit(shipping))
      .thenThrows(NotFoundError, (e) => e.code === 'canned_reply_not_found');
    spec.given([created, deleted]).when(edit(shipping)).thenThrows(NotFoundError);
  });

  it('refuses empty words', () => {
    spec
      .given([created])
      .when(edit({ title: 'Mail-in', text: '' }))
      .thenThrows(InvalidError, (e) => e.message === 'text: is required');
  });
});

describe('deleting a canned reply', () => {
  it('records who deleted it', () => {
    spec
      .given([created, edited])
      .when(remove())
      .then([
        { type: 'CannedReplyDeleted', data: { cannedReplyId: ID, deletedBy: OTHER_AGENT, deletedAt: T2 } },
      ]);
  });

  it('when it was deleted already, deleting it again changes nothing', () => {
    spec.given([created, deleted]).when(remove()).then([]);
  });

  it('when none exists, deleting is refused as not found', () => {
    spec.given([]).when(remove()).thenThrows(NotFoundError);
  });
});
