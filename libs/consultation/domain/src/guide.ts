import { ConflictError, type EventDataOf, InvalidError, NotFoundError } from '@aftersales/contracts/common';
import {
  type GuideContent,
  guideEvents,
  guideLanguages,
  type LocalizedText,
} from '@aftersales/contracts/consultation';
import type { Command, Decider } from '@aftersales/shared-decider';

type Events = typeof guideEvents;
type EventOf<K extends keyof Events> = { type: Events[K]['type']; data: EventDataOf<Events[K]> };

/** The events of a guide's own stream (feedback has streams of its own). */
type GuideEventKey = 'guideCreated' | 'guideEdited' | 'guidePublished' | 'guideWithdrawn';
export type GuideEvent = { [K in GuideEventKey]: EventOf<K> }[GuideEventKey];

/** `userId`: the agent (or admin) who makes the change. */
export type CreateGuide = Command<'CreateGuide', { guideId: string; content: GuideContent; userId: string }>;
export type EditGuide = Command<'EditGuide', { guideId: string; content: GuideContent; userId: string }>;
export type PublishGuide = Command<'PublishGuide', { guideId: string; userId: string }>;
export type WithdrawGuide = Command<'WithdrawGuide', { guideId: string; userId: string }>;

export type GuideCommand = CreateGuide | EditGuide | PublishGuide | WithdrawGuide;

export type GuideState =
  | { status: 'none' }
  | {
      status: 'draft' | 'published';
      guideId: string;
      content: GuideContent;
      /** What readers see while it is published; a draft has none. */
      published?: GuideContent;
    };

/** The stream of one guide. */
export const guideStream = (id: string) => `guide-${id}`;

export const guideNotFound = (id: string) =>
  new NotFoundError(`No guide ${id}`, { code: 'guide_not_found', params: { id } });

const distinct = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

function localized(field: 'title' | 'body', text: LocalizedText): LocalizedText {
  const trimmed = { 'zh-CN': text['zh-CN'].trim(), en: text.en.trim() };
  for (const language of guideLanguages) {
    if (!trimmed[language]) {
      throw new InvalidError(`${field}.${language}: is required`, {
        code: 'guide_empty',
        params: { field: `${field}.${language}` },
      });
    }
  }
  return trimmed;
}

/**
 * The content as it is kept: words without the spaces around them, each model and symptom once, and the
 * keys always in this order, so that two equal contents are equal as JSON too.
 */
export function normalizedContent(content: GuideContent): GuideContent {
  const models = distinct(content.models);
  if (models.length === 0) {
    throw new InvalidError('models: name at least one model', {
      code: 'guide_empty',
      params: { field: 'models' },
    });
  }
  return {
    title: localized('title', content.title),
    body: localized('body', content.body),
    models,
    category: content.category,
    symptoms: distinct(content.symptoms),
  };
}

/** JSON with each object's keys sorted: stored events come back from jsonb with their keys reordered. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

const same = (a: GuideContent, b: GuideContent | undefined) => canonical(a) === canonical(b);

export type GuideField = keyof GuideContent;

/** The parts of the content that differ between two versions, in the content's order. */
export function changedFields(before: GuideContent | undefined, after: GuideContent): GuideField[] {
  const fields: GuideField[] = ['title', 'body', 'models', 'category', 'symptoms'];
  return fields.filter((field) => canonical(before?.[field]) !== canonical(after[field]));
}

/**
 * A self-service repair guide: support writes it as a draft, publishes it (readers then see that content
 * until the next publish), edits it further, and may withdraw it. Its id is the client's, so a create sent
 * twice creates it once.
 */
export const guideDecider: Decider<GuideCommand, GuideEvent, GuideState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    const { now } = command.metadata;
    const { guideId, userId } = command.data;
    switch (command.type) {
      case 'CreateGuide': {
        const content = normalizedContent(command.data.content);
        if (state.status === 'none') {
          return [{ type: 'GuideCreated', data: { guideId, content, createdBy: userId, createdAt: now } }];
        }
        // The client did not hear the answer and sends the same guide again: it exists already, as sent.
        if (same(content, state.content)) return [];
        throw new ConflictError(`A guide with the id ${guideId} exists already`, {
          code: 'guide_exists',
          params: { id: guideId },
        });
      }
      case 'EditGuide': {
        if (state.status === 'none') throw guideNotFound(guideId);
        const content = normalizedContent(command.data.content);
        if (same(content, state.content)) return [];
        return [{ type: 'GuideEdited', data: { guideId, content, editedBy: userId, editedAt: now } }];
      }
      case 'PublishGuide': {
        if (state.status === 'none') throw guideNotFound(guideId);
        if (state.status === 'published' && same(state.content, state.published)) return [];
        return [
          {
            type: 'GuidePublished',
            data: { guideId, content: state.content, publishedBy: userId, publishedAt: now },
          },
        ];
      }
      case 'WithdrawGuide': {
        if (state.status === 'none') throw guideNotFound(guideId);
        if (state.status === 'draft') return [];
        return [{ type: 'GuideWithdrawn', data: { guideId, withdrawnBy: userId, withdrawnAt: now } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`Unknown command ${(unknown as Command).type}`);
      }
    }
  },

  evolve(state, event) {
    if (event.type === 'GuideCreated') {
      return { status: 'draft', guideId: event.data.guideId, content: event.data.content };
    }
    if (state.status === 'none') throw guideNotFound(event.data.guideId);
    switch (event.type) {
      case 'GuideEdited':
        return { ...state, content: event.data.content };
      case 'GuidePublished':
        return { ...state, status: 'published', content: event.data.content, published: event.data.content };
      case 'GuideWithdrawn':
        return { status: 'draft', guideId: state.guideId, content: state.content };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${(unknown as GuideEvent).type}`);
      }
    }
  },
};
