import { ConflictError, type EventDataOf, InvalidError, NotFoundError } from '@aftersales/contracts/common';
import { type CannedReplyInput, cannedReplyEvents } from '@aftersales/contracts/consultation';
import type { Command, Decider } from '@aftersales/shared-decider';

type Events = typeof cannedReplyEvents;
type EventOf<K extends keyof Events> = { type: Events[K]['type']; data: EventDataOf<Events[K]> };

/** The contract's events, spelled there once. */
export type CannedReplyEvent = { [K in keyof Events]: EventOf<K> }[keyof Events];

/** `userId`: the agent (or admin) who makes the change. */
export type CreateCannedReply = Command<
  'CreateCannedReply',
  { cannedReplyId: string; input: CannedReplyInput; userId: string }
>;
export type EditCannedReply = Command<
  'EditCannedReply',
  { cannedReplyId: string; input: CannedReplyInput; userId: string }
>;
export type DeleteCannedReply = Command<'DeleteCannedReply', { cannedReplyId: string; userId: string }>;

export type CannedReplyCommand = CreateCannedReply | EditCannedReply | DeleteCannedReply;

export type CannedReplyState =
  { status: 'none' } | { status: 'active' | 'deleted'; cannedReplyId: string; title: string; text: string };

/** The stream of one canned reply. */
export const cannedReplyStream = (id: string) => `canned-reply-${id}`;

const notFound = (id: string) =>
  new NotFoundError(`No canned reply ${id}`, { code: 'canned_reply_not_found', params: { id } });

/** The words as they are kept: without the spaces around them, and never empty. */
function wordsOf({ title, text }: CannedReplyInput): CannedReplyInput {
  const words = { title: title.trim(), text: text.trim() };
  for (const field of ['title', 'text'] as const) {
    if (!words[field]) {
      throw new InvalidError(`${field}: is required`, { code: 'canned_reply_empty', params: { field } });
    }
  }
  return words;
}

/**
 * A canned reply: a title and a text that agents insert into their answers, written and kept up by the
 * agents themselves. Its id is the client's, so a create sent twice creates it once.
 */
export const cannedReplyDecider: Decider<CannedReplyCommand, CannedReplyEvent, CannedReplyState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const { now } = command.metadata;
    const { cannedReplyId, userId } = command.data;
    switch (command.type) {
      case 'CreateCannedReply': {
        const words = wordsOf(command.data.input);
        if (state.status === 'none') {
          return [
            {
              type: 'CannedReplyCreated',
              data: { cannedReplyId, ...words, createdBy: userId, createdAt: now },
            },
          ];
        }
        // The client did not hear the answer and sends the same reply again: it exists already, as sent.
        if (state.status === 'active' && state.title === words.title && state.text === words.text) return [];
        throw new ConflictError(`A canned reply with the id ${cannedReplyId} exists already`, {
          code: 'canned_reply_exists',
          params: { id: cannedReplyId },
        });
      }
      case 'EditCannedReply': {
        if (state.status !== 'active') throw notFound(cannedReplyId);
        const words = wordsOf(command.data.input);
        if (state.title === words.title && state.text === words.text) return [];
        return [
          { type: 'CannedReplyEdited', data: { cannedReplyId, ...words, editedBy: userId, editedAt: now } },
        ];
      }
      case 'DeleteCannedReply': {
        if (state.status === 'none') throw notFound(cannedReplyId);
        if (state.status === 'deleted') return [];
        return [{ type: 'CannedReplyDeleted', data: { cannedReplyId, deletedBy: userId, deletedAt: now } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`Unknown command ${(unknown as Command).type}`);
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'CannedReplyCreated':
      case 'CannedReplyEdited': {
        const { cannedReplyId, title, text } = event.data;
        return { status: 'active', cannedReplyId, title, text };
      }
      case 'CannedReplyDeleted':
        if (state.status === 'none') throw notFound(event.data.cannedReplyId);
        return { ...state, status: 'deleted' };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${(unknown as CannedReplyEvent).type}`);
      }
    }
  },
};
