import type { GuideCategory, GuideContent, LocalizedText } from '@aftersales/contracts/consultation';

/** A guide's content as the editor's fields hold it: models and symptoms one per line. */
export interface GuideDraft {
  title: LocalizedText;
  body: LocalizedText;
  category: GuideCategory;
  models: string;
  symptoms: string;
}

export const emptyDraft: GuideDraft = {
  title: { 'zh-CN': '', en: '' },
  body: { 'zh-CN': '', en: '' },
  category: 'other',
  models: '',
  symptoms: '',
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export function draftOf(content: GuideContent): GuideDraft {
  return { ...content, models: content.models.join('\n'), symptoms: content.symptoms.join('\n') };
}

export function contentOf(draft: GuideDraft): GuideContent {
  return {
    title: draft.title,
    body: draft.body,
    models: lines(draft.models),
    category: draft.category,
    symptoms: lines(draft.symptoms),
  };
}

/** Whether the fields hold something other than `saved`, as the server would keep it (trimmed). */
export function changedSince(draft: GuideDraft, saved: GuideContent | undefined): boolean {
  const trimmed = (text: LocalizedText) => ({ 'zh-CN': text['zh-CN'].trim(), en: text.en.trim() });
  const comparable = (content: GuideContent) =>
    JSON.stringify([
      trimmed(content.title),
      trimmed(content.body),
      content.models,
      content.category,
      content.symptoms,
    ]);
  return saved === undefined || comparable(contentOf(draft)) !== comparable(saved);
}

/** Puts `text` where the cursor is in `value` (or at its end), on a line of its own. */
export function insertAt(
  value: string,
  cursor: number | undefined,
  text: string,
): { value: string; cursor: number } {
  const at = cursor ?? value.length;
  const before = value.slice(0, at);
  const after = value.slice(at);
  const block = `${before && !before.endsWith('\n') ? '\n' : ''}${text}${after.startsWith('\n') ? '' : '\n'}`;
  return { value: before + block + after, cursor: before.length + block.length };
}
