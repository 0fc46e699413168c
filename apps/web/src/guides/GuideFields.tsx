import {
  guideCategories,
  type GuideCategory,
  type GuideImage,
  type GuideLanguage,
  guideLanguages,
  MAX_GUIDE_BODY,
  MAX_GUIDE_TITLE,
} from '@aftersales/contracts/consultation';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../admin/form-fields';
import { readJson } from '../api';
import { useAuth } from '../auth/auth-context';
import { errorText } from '../error-text';
import { ErrorAlert } from '../ui/ErrorAlert';
import { type GuideDraft, insertAt } from './guide-draft';
import { GuideMarkdown } from './GuideMarkdown';

interface Props {
  draft: GuideDraft;
  onChange: (draft: GuideDraft) => void;
  /** The server's reasons, by field: title, body, models, category, symptoms. */
  errors: Record<string, string>;
}

/**
 * A guide's fields: title and body in one language at a time beside the live preview of that language,
 * and what applies to both (models, fault, symptoms). Images upload into the body where the cursor is.
 */
export function GuideFields({ draft, onChange, errors }: Props) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<GuideLanguage>(i18n.language === 'en' ? 'en' : 'zh-CN');
  const body = useRef<HTMLTextAreaElement>(null);
  const localized = (field: 'title' | 'body', value: string) =>
    onChange({ ...draft, [field]: { ...draft[field], [language]: value } });

  return (
    <div className="guide-editor">
      <div className="language-tabs" role="tablist" aria-label={t('guides.preview')}>
        {guideLanguages.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            aria-selected={l === language}
            className={l === language ? 'chip chosen' : 'chip'}
            onClick={() => setLanguage(l)}
          >
            {t(`guides.languages.${l}`)}
          </button>
        ))}
      </div>
      <div className="editor-columns">
        <div className="form-grid single">
          <Field
            name="title"
            label={`${t('guides.title')} (${t(`guides.languages.${language}`)})`}
            error={errors.title}
            wide
          >
            {(control) => (
              <input
                {...control}
                value={draft.title[language]}
                maxLength={MAX_GUIDE_TITLE}
                onChange={(e) => localized('title', e.target.value)}
              />
            )}
          </Field>
          <Field
            name="body"
            label={`${t('guides.body')} (${t(`guides.languages.${language}`)})`}
            hint={t('guides.bodyHint')}
            error={errors.body}
            wide
          >
            {(control) => (
              <textarea
                {...control}
                ref={body}
                rows={18}
                maxLength={MAX_GUIDE_BODY}
                value={draft.body[language]}
                onChange={(e) => localized('body', e.target.value)}
              />
            )}
          </Field>
          <ImageInsert
            onUploaded={(image) => {
              const text = `![${image.name}](${image.url})`;
              const inserted = insertAt(draft.body[language], body.current?.selectionStart, text);
              localized('body', inserted.value);
            }}
          />
        </div>
        <div className="guide-preview" aria-live="polite">
          <p className="muted small">{t('guides.preview')}</p>
          <h2>{draft.title[language]}</h2>
          <GuideMarkdown source={draft.body[language]} />
        </div>
      </div>
      <div className="form-grid">
        <Field name="category" label={t('guides.category')} error={errors.category}>
          {(control) => (
            <select
              {...control}
              value={draft.category}
              onChange={(e) => onChange({ ...draft, category: e.target.value as GuideCategory })}
            >
              {guideCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`guides.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="models" label={t('guides.modelsField')} error={errors.models}>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={draft.models}
              onChange={(e) => onChange({ ...draft, models: e.target.value })}
            />
          )}
        </Field>
        <Field name="symptoms" label={t('guides.symptomsField')} error={errors.symptoms} wide>
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={draft.symptoms}
              onChange={(e) => onChange({ ...draft, symptoms: e.target.value })}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

/** Uploads one picture for the guide and hands back where it is served. */
function ImageInsert({ onUploaded }: { onUploaded: (image: GuideImage) => void }) {
  const { t } = useTranslation();
  const { authorizedFetch } = useAuth();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function upload(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const form = new FormData();
      form.append('file', file);
      onUploaded(
        await readJson<GuideImage>(
          await authorizedFetch('/api/guide-images', { method: 'POST', body: form }),
        ),
      );
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="field full">
      <label className="button secondary">
        {busy ? t('guides.uploading') : t('guides.insertImage')}
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          className="visually-hidden"
          disabled={busy}
          onChange={(e) => void upload(e)}
        />
      </label>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}
